using System.Reflection;
using System.Text.RegularExpressions;
using Nop.Plugin.Payments.QfPayAlipay.Alipay;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay;

/// <summary>The Alipay open-platform code stands alone: no nopCommerce and no QFPay type in it, by reflection and by source.</summary>
public class AlipayIsolationTests
{
    private const string AlipayNamespace = "Nop.Plugin.Payments.QfPayAlipay.Alipay";

    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> AlipayTypes() =>
        typeof(AlipayOAuthClient).Assembly.GetTypes().Where(t => t.Namespace == AlipayNamespace);

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        if (type.BaseType is { } baseType)
            yield return baseType;
        foreach (var field in type.GetFields(Everything))
            yield return field.FieldType;
        foreach (var property in type.GetProperties(Everything))
            yield return property.PropertyType;
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
                yield return info.ReturnType;
            foreach (var parameter in method.GetParameters())
                yield return parameter.ParameterType;
            foreach (var local in method.GetMethodBody()?.LocalVariables ?? [])
                yield return local.LocalType;
        }
    }

    private static bool IsForeign(Type type)
    {
        if (type.HasElementType)
            return IsForeign(type.GetElementType()!);
        if (type.IsGenericType && type.GetGenericArguments().Any(IsForeign))
            return true;
        if (type.Assembly.GetName().Name is { } assembly && assembly.StartsWith("Nop.", StringComparison.Ordinal) && type.Assembly != typeof(AlipayOAuthClient).Assembly)
            return true;
        return type.Assembly == typeof(AlipayOAuthClient).Assembly && type.Namespace is { } ns && !ns.StartsWith(AlipayNamespace, StringComparison.Ordinal);
    }

    [Test]
    public void The_alipay_namespace_has_its_types()
    {
        Assert.That(AlipayTypes().Select(t => t.Name), Is.SupersetOf(new[] { "AlipayOAuthClient", "AlipayRsa2Signer", "OAuthState", "TradePayResult" }));
    }

    [Test]
    public void No_alipay_type_uses_a_nopcommerce_or_another_plugin_type()
    {
        var offences = AlipayTypes()
            .Where(t => !t.Name.StartsWith('<'))
            .SelectMany(type => TypesUsedBy(type).Where(IsForeign).Select(used => $"{type.FullName} uses {used.FullName}"))
            .Distinct()
            .ToList();

        Assert.That(offences, Is.Empty);
    }

    [Test]
    public void No_alipay_source_file_names_a_nop_namespace_other_than_its_own()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "Nop.Plugin.Payments.QfPayAlipay", "Alipay");
        var nopReference = new Regex(@"\bNop\.(?!Plugin\.Payments\.QfPayAlipay\.Alipay\b)[A-Za-z]+");

        var offences = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(x => nopReference.IsMatch(x.line))
            .Select(x => $"{Path.GetFileName(x.file)}:{x.index + 1}: {x.line.Trim()}")
            .ToList();

        Assert.That(offences, Is.Empty);
    }
}
