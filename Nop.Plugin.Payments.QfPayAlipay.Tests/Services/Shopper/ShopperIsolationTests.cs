using System.Reflection;
using Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Shopper;

/// <summary>The shopper classifier stays free of nopCommerce types, so it can be tested and reused on its own.</summary>
public class ShopperIsolationTests
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Test]
    public void No_shopper_type_uses_a_nopCommerce_type()
    {
        var plugin = typeof(BrowserClassifier).Assembly;
        var shopperTypes = plugin.GetTypes().Where(t => t.Namespace == typeof(BrowserClassifier).Namespace).ToList();

        var offenders = shopperTypes
            .SelectMany(t => TypesUsedBy(t).Select(used => (Owner: t, Used: used)))
            .Where(pair => IsNopCommerce(pair.Used, plugin))
            .Select(pair => $"{pair.Owner.Name} uses {pair.Used.FullName}")
            .Distinct()
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(shopperTypes, Is.Not.Empty);
            Assert.That(offenders, Is.Empty);
        });
    }

    private static bool IsNopCommerce(Type type, Assembly plugin)
    {
        if (type.HasElementType)
            return IsNopCommerce(type.GetElementType()!, plugin);
        if (type.IsGenericType && type.GetGenericArguments().Any(a => IsNopCommerce(a, plugin)))
            return true;

        var assembly = type.Assembly.GetName().Name ?? "";
        return assembly.StartsWith("Nop.", StringComparison.Ordinal) && type.Assembly != plugin;
    }

    private static IEnumerable<Type> TypesUsedBy(Type type)
    {
        if (type.BaseType is not null)
            yield return type.BaseType;
        foreach (var contract in type.GetInterfaces())
            yield return contract;
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
}
