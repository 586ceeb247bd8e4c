using System.Reflection;
using System.Text.RegularExpressions;
using Nop.Plugin.Payments.QfPayAlipay.Localization;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;
using Nop.Web.Framework.Mvc.ModelBinding;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Localization;

public partial class PluginResourcesTests
{
    private const string Prefix = "Plugins.Payments.QfPayAlipay";

    private static readonly LocaleVariant[] Variants = Enum.GetValues<LocaleVariant>();

    [Test]
    public void The_three_languages_have_exactly_the_same_keys()
    {
        var english = PluginResources.For(LocaleVariant.English).Keys.Order(StringComparer.OrdinalIgnoreCase);

        Assert.Multiple(() =>
        {
            Assert.That(PluginResources.For(LocaleVariant.TraditionalChinese).Keys.Order(StringComparer.OrdinalIgnoreCase), Is.EqualTo(english));
            Assert.That(PluginResources.For(LocaleVariant.SimplifiedChinese).Keys.Order(StringComparer.OrdinalIgnoreCase), Is.EqualTo(english));
        });
    }

    [Test]
    public void No_key_is_defined_twice()
    {
        var duplicates = PluginResources.All.GroupBy(r => r.Key, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.That(duplicates, Is.Empty);
    }

    [Test]
    public void Every_key_is_under_the_plugins_prefix_so_uninstall_removes_it()
    {
        Assert.That(PluginResources.All.Select(r => r.Key), Is.All.StartsWith(Prefix + "."));
    }

    [Test]
    public void No_text_is_empty_in_any_language()
    {
        var empty = PluginResources.All.SelectMany(r => Variants.Where(v => string.IsNullOrWhiteSpace(r.In(v))).Select(v => $"{r.Key} ({v})"));

        Assert.That(empty, Is.Empty);
    }

    [Test]
    public void Chinese_texts_are_translations_not_copies_of_the_english()
    {
        // Texts that are the same in every language by nature (algorithm names).
        string[] sameEverywhere = [Prefix + ".SignType.Md5", Prefix + ".SignType.Sha256"];

        var untranslated = PluginResources.All
            .Where(r => !sameEverywhere.Contains(r.Key))
            .Where(r => r.TraditionalChinese == r.English || r.SimplifiedChinese == r.English)
            .Select(r => r.Key);

        Assert.That(untranslated, Is.Empty);
    }

    [Test]
    public void Every_response_code_and_transport_problem_has_chinese_texts()
    {
        var protocolKeys = QfPayResponseCodes.All.Select(c => c.MessageKey)
            .Concat(QfPayResponseCodes.Codes.Select(c => QfPayResponseCodes.Find(c)!.MessageKey))
            .Append(QfPayResponseCodes.UnknownCodeMessageKey)
            .Concat(Enum.GetValues<QfPayProblem>().Select(p => p.MessageKey()))
            .Distinct(StringComparer.OrdinalIgnoreCase);

        Assert.That(protocolKeys.Where(k => !TranslatedKeys().Contains(k, StringComparer.OrdinalIgnoreCase)), Is.Empty);
    }

    [Test]
    public void Every_checkout_and_shopper_guidance_text_has_chinese_texts()
    {
        var shopperKeys = CheckoutResources.All.Select(t => t.Key)
            .Concat(ShopperGuidanceTexts.All.Select(t => t.Key));

        Assert.That(shopperKeys.Except(TranslatedKeys(), StringComparer.OrdinalIgnoreCase), Is.Empty);
    }

    [Test]
    public void Every_refund_text_has_chinese_texts()
    {
        Assert.That(RefundTexts.All.Select(t => t.Key).Except(TranslatedKeys(), StringComparer.OrdinalIgnoreCase), Is.Empty);
    }

    [Test]
    public void Every_order_page_text_and_state_name_has_chinese_texts()
    {
        var orderPageKeys = OrderStatusTexts.All.Concat(StatusNames.All).Select(t => t.Key)
            .Append(StatusNames.Of((PaymentAttemptStatus)int.MinValue).Key)
            .Append(StatusNames.Of((RefundStatus)int.MinValue).Key);

        Assert.That(orderPageKeys.Except(TranslatedKeys(), StringComparer.OrdinalIgnoreCase), Is.Empty);
    }

    [Test]
    public void Placeholders_are_the_same_in_every_language()
    {
        var mismatched = PluginResources.All
            .Where(r => Variants.Select(v => Placeholders(r.In(v))).Distinct().Count() > 1)
            .Select(r => r.Key);

        Assert.That(mismatched, Is.Empty);
    }

    [Test]
    public void Every_configure_field_has_a_label_and_a_help_line()
    {
        var missing = typeof(ConfigurationModel).GetProperties()
            .Select(p => p.GetCustomAttribute<NopResourceDisplayNameAttribute>()?.ResourceKey)
            .OfType<string>()
            .SelectMany(key => new[] { key, key + ".Hint" })
            .Where(key => PluginResources.English(key) is null);

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public void Every_resource_key_used_in_the_plugins_code_and_views_exists()
    {
        var keys = PluginResources.All.Select(r => r.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var (file, reference) in ResourceReferences().Concat(ResourceConstants()))
        {
            var exists = reference.IsPrefix
                ? keys.Any(k => k.StartsWith(reference.Key, StringComparison.OrdinalIgnoreCase))
                : keys.Contains(reference.Key);
            if (!exists)
                missing.Add($"{reference.Key}{(reference.IsPrefix ? "*" : string.Empty)} ({file})");
        }

        Assert.That(missing, Is.Empty, "Add these to Localization/PluginResources.*.cs with their three languages.");
    }

    [Test]
    public void The_scan_finds_the_keys_of_this_page()
    {
        // Guards the scan itself: a broken pattern would make the previous test pass on nothing.
        var found = ResourceReferences().Select(r => r.Reference.Key).ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(found, Does.Contain(Prefix + ".Fields.AppCode"), "attribute literal");
            Assert.That(found, Does.Contain(Prefix + ".TestConnection.Button"), "T(...) in a view");
            Assert.That(found, Does.Contain(Prefix + ".PaymentMethodDescription"), "interpolated prefix");
            Assert.That(found, Does.Contain(Prefix + ".Codes."), "prefix literal");
            Assert.That(ResourceConstants().Select(r => r.Reference.Key), Does.Contain(Prefix + ".Codes.Unknown"), "folded constant");
        });
    }

    /// <summary>Keys the plugin installs with Chinese texts of their own (not the English copied).</summary>
    private static IEnumerable<string> TranslatedKeys() =>
        PluginResources.All.Where(r => r.TraditionalChinese != r.English && r.SimplifiedChinese != r.English).Select(r => r.Key);

    private static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal));

    private sealed record ResourceReference(string Key, bool IsPrefix);

    /// <summary>
    /// Every locale key the plugin's .cs and .cshtml files name: string literals starting with the prefix
    /// (a literal ending in '.' or followed by an interpolation hole names a family of keys), and keys written
    /// as <c>{QfPayAlipayDefaults.LocaleResourcePrefix}.X</c> or <c>LocaleResourcePrefix + ".X"</c>.
    /// </summary>
    private static IEnumerable<(string File, ResourceReference Reference)> ResourceReferences()
    {
        var pluginFolder = Path.Combine(RepositoryPaths.Root, "Nop.Plugin.Payments.QfPayAlipay");
        var files = Directory.EnumerateFiles(pluginFolder, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !IsBuildOutput(Path.GetRelativePath(pluginFolder, f)));

        foreach (var file in files)
        {
            var name = Path.GetRelativePath(pluginFolder, file);
            var text = File.ReadAllText(file);

            foreach (Match match in LiteralPattern().Matches(text))
            {
                var key = match.Groups["key"].Value;
                var isPrefix = key.EndsWith('.') || match.Groups["hole"].Success;
                yield return (name, new ResourceReference(key, isPrefix));
            }

            foreach (Match match in PrefixConstantPattern().Matches(text))
            {
                var key = Prefix + match.Groups["rest"].Value;
                yield return (name, new ResourceReference(key, key.EndsWith('.') || match.Groups["hole"].Success));
            }
        }
    }

    /// <summary>
    /// Keys held in constants, e.g. <c>KeyPrefix + "Title"</c>: the compiler folds them, so reflection sees the
    /// full key that a source scan only sees the start of.
    /// </summary>
    private static IEnumerable<(string File, ResourceReference Reference)> ResourceConstants() =>
        typeof(QfPayAlipayDefaults).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
                .Select(f => (Type: t, Value: (string)f.GetRawConstantValue()!)))
            .Where(c => c.Value.StartsWith(Prefix + ".", StringComparison.Ordinal))
            .Select(c => ($"const in {c.Type.FullName}", new ResourceReference(c.Value, c.Value.EndsWith('.'))));

    private static bool IsBuildOutput(string relativePath)
    {
        var first = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        return first is "bin" or "obj";
    }

    [GeneratedRegex(@"""(?<key>Plugins\.Payments\.QfPayAlipay\.[A-Za-z0-9_.]*)(?<hole>\{)?")]
    private static partial Regex LiteralPattern();

    [GeneratedRegex(@"LocaleResourcePrefix(?:\}|\s*\+\s*"")(?<rest>\.[A-Za-z0-9_.]*)(?<hole>\{)?")]
    private static partial Regex PrefixConstantPattern();

    [GeneratedRegex(@"\{\d+(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
