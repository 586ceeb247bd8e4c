using System.Reflection;
using System.Reflection.Emit;

namespace NopSurfaceTool.Verification;

/// <summary>
/// Resolves every type, method and field token in a method body, in the generic context of the method. This is what
/// the runtime does lazily the first time the method runs, where a missing member becomes a MissingMethodException.
/// </summary>
internal sealed class IlReferenceScanner(VerificationReport report, MemberReferenceNamer namer)
{
    private readonly HashSet<(Module, int)> _distinctTokens = [];
    private readonly Dictionary<(Module, int), string?> _contextFreeResults = [];

    public int DistinctReferenceCount => _distinctTokens.Count;

    public void Scan(MethodBase method)
    {
        var caller = CallerName.Of(method);
        MethodBody? body;
        try
        {
            body = method.GetMethodBody();
            if (body is null)
                return;
            foreach (var local in body.LocalVariables)
                _ = local.LocalType;
        }
        catch (Exception e)
        {
            report.Fail(caller, "method body or local variables: " + FailureText.Of(e));
            return;
        }

        var il = body.GetILAsByteArray();
        if (il is null)
            return;

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        try
        {
            foreach (var token in IlTokenReader.Read(il))
            {
                var problem = Resolve(method.Module, token, typeArguments, methodArguments);
                if (problem is not null)
                    report.Fail(caller, problem);
            }
        }
        catch (InvalidDataException e)
        {
            report.Fail(caller, e.Message);
        }
    }

    private string? Resolve(Module module, IlToken token, Type[]? typeArguments, Type[]? methodArguments)
    {
        if (token.Kind == OperandType.InlineSig)
            return null; // calli signatures name only types that the method's own signature checks already load
        _distinctTokens.Add((module, token.Token));

        // Without a generic context a token always resolves to the same thing, so one answer serves every caller.
        var contextFree = typeArguments is null && methodArguments is null;
        if (contextFree && _contextFreeResults.TryGetValue((module, token.Token), out var known))
            return known;

        string? problem = null;
        try
        {
            switch (token.Kind)
            {
                case OperandType.InlineField:
                    module.ResolveField(token.Token, typeArguments, methodArguments);
                    break;
                case OperandType.InlineMethod:
                    module.ResolveMethod(token.Token, typeArguments, methodArguments);
                    break;
                case OperandType.InlineType:
                    module.ResolveType(token.Token, typeArguments, methodArguments);
                    break;
                default:
                    module.ResolveMember(token.Token, typeArguments, methodArguments);
                    break;
            }
        }
        catch (ArgumentException) when (token.Kind == OperandType.InlineField)
        {
            // Module.ResolveField reports a missing referenced field as an invalid token; say what the runtime would.
            problem = $"MissingFieldException: Field not found: '{namer.Name(token.Token) ?? $"token 0x{token.Token:x8}"}'.";
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            problem = FailureText.Of(e);
        }

        if (contextFree)
            _contextFreeResults[(module, token.Token)] = problem;
        return problem;
    }
}
