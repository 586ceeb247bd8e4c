using System.Reflection;
using System.Text.RegularExpressions;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol;

/// <summary>The protocol layer must stand alone: no nopCommerce type anywhere in it, by reflection and by source.</summary>
public class ProtocolIsolationTests
{
    private const string ProtocolNamespace = "Nop.Plugin.Payments.QfPayAlipay.Protocol";

    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Assembly Plugin = typeof(QfPaySigner).Assembly;

    private static IEnumerable<Type> ProtocolTypes() =>
        Plugin.GetTypes().Where(t => t.Namespace is not null && (t.Namespace == ProtocolNamespace || t.Namespace.StartsWith(ProtocolNamespace + ".", StringComparison.Ordinal)));

    private static bool IsNopCommerce(Type type)
    {
        if (type.HasElementType)
            return IsNopCommerce(type.GetElementType()!);
        if (type.IsGenericType && !type.IsGenericTypeDefinition && type.GetGenericArguments().Any(IsNopCommerce))
            return true;

        var assembly = type.Assembly.GetName().Name ?? "";
        return assembly.StartsWith("Nop.", StringComparison.Ordinal) && assembly != Plugin.GetName().Name;
    }

    private static IEnumerable<(string Where, Type Type)> TypesUsedBy(Type type)
    {
        for (var baseType = type.BaseType; baseType is not null; baseType = baseType.BaseType)
            yield return ("base type", baseType);
        foreach (var contract in type.GetInterfaces())
            yield return ("interface", contract);
        foreach (var field in type.GetFields(Everything))
            yield return ($"field {field.Name}", field.FieldType);
        foreach (var property in type.GetProperties(Everything))
            yield return ($"property {property.Name}", property.PropertyType);
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
                yield return ($"return of {method.Name}", info.ReturnType);
            foreach (var parameter in method.GetParameters())
                yield return ($"parameter {parameter.Name} of {method.Name}", parameter.ParameterType);
            foreach (var local in method.GetMethodBody()?.LocalVariables ?? [])
                yield return ($"local in {method.Name}", local.LocalType);
        }
        foreach (var attribute in type.GetCustomAttributesData())
            yield return ("attribute", attribute.AttributeType);
    }

    [Test]
    public void The_protocol_namespace_has_types()
    {
        Assert.That(ProtocolTypes().Count(), Is.GreaterThan(20));
    }

    [Test]
    public void No_protocol_type_references_a_nopcommerce_assembly()
    {
        var offences = ProtocolTypes()
            .SelectMany(type => TypesUsedBy(type).Where(use => IsNopCommerce(use.Type)).Select(use => $"{type.FullName}: {use.Where} is {use.Type.FullName}"))
            .ToList();

        Assert.That(offences, Is.Empty);
    }

    [Test]
    public void The_plugin_assembly_reference_check_itself_recognises_nopcommerce()
    {
        Assembly surface;
        try
        {
            surface = Assembly.Load("Nop.Core");
        }
        catch (FileNotFoundException)
        {
            Assert.Ignore("Nop.Core is not available to this test run.");
            return;
        }

        Assert.That(IsNopCommerce(surface.GetTypes().First(t => t.IsPublic)), Is.True);
    }

    [Test]
    public void No_protocol_source_file_uses_a_nop_namespace_other_than_the_protocol()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "Nop.Plugin.Payments.QfPayAlipay", "Protocol");
        if (!Directory.Exists(folder))
            Assert.Ignore($"Protocol sources not found at {folder}.");

        var nopReference = new Regex(@"\bNop\.(?!Plugin\.Payments\.QfPayAlipay\.Protocol\b)[A-Za-z]+", RegexOptions.Compiled);
        var offences = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(x => nopReference.IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(folder, x.file)}:{x.index + 1}: {x.line.Trim()}")
            .ToList();

        Assert.That(offences, Is.Empty);
    }
}
