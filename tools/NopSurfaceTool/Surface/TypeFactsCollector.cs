using System.Reflection;

namespace NopSurfaceTool.Surface;

/// <summary>
/// All lines of one type. Each line group and each member is described on its own, so that a referenced assembly
/// that is not at hand costs a warning and the lines that need it, not the whole type or the whole run.
/// </summary>
public sealed class TypeFactsCollector(Action<string, Exception> warn)
{
    public IEnumerable<string> Collect(Type type)
    {
        string typeName;
        try
        {
            typeName = TypeNameFormatter.Format(type);
        }
        catch (Exception e) when (IsResolutionFailure(e))
        {
            warn(type.FullName ?? type.Name, e);
            return [];
        }

        var lines = new List<string>();
        Add(lines, type, () => TypeHeaderFacts.TypeLine(type, typeName));
        Add(lines, type, () => TypeHeaderFacts.BaseLine(type, typeName));
        Add(lines, type, () => TypeHeaderFacts.InterfaceLines(type, typeName));
        Add(lines, type, () => TypeHeaderFacts.GenericLines(type, typeName));

        var shape = Shape(type);
        if (shape == TypeShape.Delegate)
        {
            Add(lines, type, () => MethodFacts.DescribeDelegateInvoke(type, typeName));
            return lines;
        }

        AddEach(lines, type, () => FieldFacts.Listed(type), f => [FieldFacts.Describe(f, typeName)]);
        if (shape == TypeShape.Enum)
            return lines;

        AddEach(lines, type, () => ConstructorFacts.Listed(type), c => [ConstructorFacts.Describe(c, typeName)]);
        AddEach(lines, type, () => MethodFacts.Listed(type), m => MethodFacts.Describe(m, typeName));
        AddEach(lines, type, () => PropertyFacts.Listed(type), p => [PropertyFacts.Describe(p, typeName)]);
        AddEach(lines, type, () => EventFacts.Listed(type), e => [EventFacts.Describe(e, typeName)]);
        return lines;
    }

    private enum TypeShape
    {
        Other,
        Delegate,
        Enum,
    }

    /// <summary>Needs the base type; when that cannot be resolved the members are still worth listing.</summary>
    private static TypeShape Shape(Type type)
    {
        try
        {
            return ReflectionFacts.IsDelegate(type) ? TypeShape.Delegate : type.IsEnum ? TypeShape.Enum : TypeShape.Other;
        }
        catch (Exception e) when (IsResolutionFailure(e))
        {
            return TypeShape.Other;
        }
    }

    private void AddEach<TMember>(List<string> lines, Type type, Func<IEnumerable<TMember>> members, Func<TMember, IEnumerable<string>> describe)
        where TMember : MemberInfo
    {
        List<TMember> listed;
        try
        {
            listed = members().ToList();
        }
        catch (Exception e) when (IsResolutionFailure(e))
        {
            warn(type.FullName ?? type.Name, e);
            return;
        }
        foreach (var member in listed)
            Add(lines, type, () => describe(member), member.Name);
    }

    private void Add(List<string> lines, Type type, Func<IEnumerable<string>> describe, string? memberName = null)
    {
        try
        {
            lines.AddRange(describe());
        }
        catch (Exception e) when (IsResolutionFailure(e))
        {
            warn($"{type.FullName}{(memberName is null ? "" : "::" + memberName)}", e);
        }
    }

    private static bool IsResolutionFailure(Exception e) =>
        e is FileNotFoundException or FileLoadException or TypeLoadException or BadImageFormatException
            or NotSupportedException or InvalidOperationException or ArgumentException;
}
