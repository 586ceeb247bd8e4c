using System.Text.Json;
using System.Xml.Linq;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Packaging;

/// <summary>plugin.json is what nopCommerce reads to discover, name and version the plugin (docs/nopcommerce.md §2.3).</summary>
[TestFixture]
public class PluginDescriptorTests
{
    private static string ProjectFolder => Path.Combine(RepositoryPaths.Root, "Nop.Plugin.Payments.QfPayAlipay");

    private static JsonElement Descriptor()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(ProjectFolder, "plugin.json")));
        return json.RootElement.Clone();
    }

    [Test]
    public void Its_version_is_the_project_version()
    {
        var csproj = XDocument.Load(Path.Combine(ProjectFolder, "Nop.Plugin.Payments.QfPayAlipay.csproj"));
        Assert.That(Descriptor().GetProperty("Version").GetString(), Is.EqualTo(csproj.Descendants("Version").Single().Value));
    }

    [Test]
    public void Its_file_name_is_the_built_assembly()
    {
        var assemblyFile = Path.GetFileName(typeof(QfPayAlipayPaymentMethod).Assembly.Location);
        Assert.That(Descriptor().GetProperty("FileName").GetString(), Is.EqualTo(assemblyFile));
    }

    [Test]
    public void It_uses_the_system_name_the_code_uses()
    {
        Assert.That(Descriptor().GetProperty("SystemName").GetString(), Is.EqualTo(QfPayAlipayDefaults.SystemName));
    }

    [Test]
    public void It_declares_nopCommerce_490_the_payment_group_and_a_real_description()
    {
        var descriptor = Descriptor();
        Assert.Multiple(() =>
        {
            Assert.That(descriptor.GetProperty("SupportedVersions").EnumerateArray().Select(v => v.GetString()), Is.EqualTo(new[] { "4.90" }));
            Assert.That(descriptor.GetProperty("Group").GetString(), Is.EqualTo("Payment methods"));
            Assert.That(descriptor.GetProperty("FriendlyName").GetString(), Is.EqualTo("Alipay (QFPay)"));
            Assert.That(descriptor.GetProperty("Description").GetString(), Has.Length.GreaterThan(40));
        });
    }

    [Test]
    public void The_plugin_folder_in_view_paths_is_the_system_name()
    {
        // nopCommerce deploys the plugin to ~/Plugins/<folder>; the views are found only if they agree.
        Assert.That(QfPayAlipayDefaults.ViewPath("PaymentInfo"), Is.EqualTo("~/Plugins/Payments.QfPayAlipay/Views/PaymentInfo.cshtml"));
        Assert.That(File.Exists(Path.Combine(ProjectFolder, "Views", "PaymentInfo.cshtml")), Is.True);
    }
}
