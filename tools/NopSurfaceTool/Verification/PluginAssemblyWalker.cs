using System.Reflection;

namespace NopSurfaceTool.Verification;

/// <summary>
/// Touches everything in a loaded plugin assembly that the runtime would otherwise touch only on first use:
/// type loads (base types, interface implementations), signatures, attributes, method bodies and JIT compilation.
/// </summary>
internal sealed class PluginAssemblyWalker(VerificationReport report, MemberReferenceNamer namer)
{
    private const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

    private readonly AttributeInstantiator _attributes = new(report);
    private readonly IlReferenceScanner _scanner = new(report, namer);

    public void Walk(Assembly assembly)
    {
        var assemblyName = assembly.GetName().Name ?? "plugin";
        _attributes.Instantiate(assembly, assemblyName, "assembly");
        foreach (var module in assembly.GetModules())
            _attributes.Instantiate(module, assemblyName, "module " + module.Name);

        var types = LoadTypes(assembly);
        report.TypeCount = types.Count;
        foreach (var type in types)
            WalkType(type);
        report.MemberReferenceCount = _scanner.DistinctReferenceCount;
    }

    /// <summary>A type whose base type is missing, or which lacks an interface member, fails right here, all at once.</summary>
    private List<Type> LoadTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes().ToList();
        }
        catch (ReflectionTypeLoadException e)
        {
            foreach (var loaderException in e.LoaderExceptions.OfType<Exception>())
            {
                var location = loaderException is TypeLoadException { TypeName: { Length: > 0 } typeName } ? typeName : assembly.GetName().Name!;
                report.Fail(location, "type load: " + FailureText.Of(loaderException));
            }
            return e.Types.OfType<Type>().ToList();
        }
    }

    private void WalkType(Type type)
    {
        var location = CallerName.Of(type);
        Check(location, "base types and interfaces", () =>
        {
            for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
                _ = baseType.GetInterfaces();
            _ = type.GetInterfaces();
            foreach (var parameter in type.IsGenericTypeDefinition ? type.GetGenericArguments() : [])
                _ = parameter.GetGenericParameterConstraints();
        });
        _attributes.Instantiate(type, location, "type");

        MemberInfo[] members = [];
        Check(location, "members", () => members = type.GetMembers(Declared));
        foreach (var member in members)
        {
            switch (member)
            {
                case FieldInfo field:
                    Check(location, $"field {field.Name}", () => _ = field.FieldType);
                    _attributes.Instantiate(field, location, $"field {field.Name}");
                    break;
                case PropertyInfo property:
                    Check(location, $"property {property.Name}", () =>
                    {
                        _ = property.PropertyType;
                        _ = property.GetIndexParameters();
                    });
                    _attributes.Instantiate(property, location, $"property {property.Name}");
                    break;
                case EventInfo @event:
                    Check(location, $"event {@event.Name}", () => _ = @event.EventHandlerType);
                    _attributes.Instantiate(@event, location, $"event {@event.Name}");
                    break;
                case MethodBase method:
                    WalkMethod(method);
                    break;
            }
        }
    }

    private void WalkMethod(MethodBase method)
    {
        report.MethodCount++;
        var caller = CallerName.Of(method);
        Check(caller, "signature", () =>
        {
            if (method is MethodInfo info)
                _ = info.ReturnType;
            foreach (var parameter in method.GetParameters())
                _ = parameter.ParameterType;
            foreach (var parameter in method.IsGenericMethodDefinition ? method.GetGenericArguments() : [])
                _ = parameter.GetGenericParameterConstraints();
        });
        _attributes.Instantiate(method, caller, "method");
        _attributes.InstantiateOnSignature(method, caller);
        _scanner.Scan(method);

        try
        {
            if (MethodPreparer.Prepare(method) == MethodPreparer.Outcome.SkippedGeneric)
                report.SkippedGenericMethodCount++;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The JIT trips over the same missing members as the IL scan; only news is worth a line.
            var problem = FailureText.Of(e);
            if (!report.Has(caller, problem))
                report.Fail(caller, "JIT: " + problem);
        }
    }

    private void Check(string location, string what, Action touch)
    {
        try
        {
            touch();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            report.Fail(location, $"{what}: {FailureText.Of(e)}");
        }
    }
}
