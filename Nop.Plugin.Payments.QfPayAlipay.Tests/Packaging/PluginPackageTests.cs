using System.IO.Compression;
using System.Text.Json;
using System.Xml.Linq;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Packaging;

/// <summary>
/// The zip must be accepted by Admin > Configuration > Local plugins > "Upload plugin or theme"
/// (docs/nopcommerce.md §9) and carry only the plugin's own files.
/// </summary>
[TestFixture]
public class PluginPackageTests
{
    private const string Folder = "Payments.QfPayAlipay/";

    private static string CsprojVersion()
    {
        var csproj = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Nop.Plugin.Payments.QfPayAlipay", "Nop.Plugin.Payments.QfPayAlipay.csproj"));
        return csproj.Descendants("Version").Single().Value;
    }

    [Test]
    public void The_zip_is_named_after_the_project_and_its_version()
    {
        Assert.That(Path.GetFileName(PackageBuild.Get().ZipPath),
            Is.EqualTo($"Nop.Plugin.Payments.QfPayAlipay-{CsprojVersion()}.zip"));
    }

    [Test]
    public void Every_entry_is_uploadedItems_json_or_inside_the_plugin_folder_with_forward_slashes()
    {
        using var zip = PackageBuild.OpenZip();
        foreach (var entry in zip.Entries)
        {
            Assert.That(entry.FullName, Does.Not.Contain("\\"), entry.FullName);
            Assert.That(entry.FullName == "uploadedItems.json" || entry.FullName.StartsWith(Folder, StringComparison.Ordinal),
                Is.True, $"unexpected entry {entry.FullName}");
        }
    }

    [Test]
    public void The_plugin_folder_holds_the_descriptor_logo_dll_and_views()
    {
        using var zip = PackageBuild.OpenZip();
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.That(names, Does.Contain(Folder + "plugin.json"));
        Assert.That(names, Does.Contain(Folder + "logo.png"));
        Assert.That(names, Does.Contain(Folder + "Nop.Plugin.Payments.QfPayAlipay.dll"));
        Assert.That(names, Does.Contain(Folder + "Views/_ViewImports.cshtml"));
        Assert.That(names, Does.Contain(Folder + "Views/PaymentInfo.cshtml"));
    }

    [Test]
    public void No_host_or_reference_surface_assembly_is_shipped()
    {
        using var zip = PackageBuild.OpenZip();
        var dlls = zip.Entries.Where(e => e.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Select(e => e.Name).ToList();
        Assert.That(dlls, Is.Not.Empty);
        Assert.That(dlls.Where(n => n.StartsWith("Nop.", StringComparison.Ordinal) && n != "Nop.Plugin.Payments.QfPayAlipay.dll"), Is.Empty);
        Assert.That(dlls.Where(n => n.StartsWith("Microsoft.", StringComparison.Ordinal) || n.StartsWith("System.", StringComparison.Ordinal)), Is.Empty);
    }

    /// <summary>nopCommerce 4.90 has no QR library: the desktop page's QRCoder.dll must travel with the plugin (issue #7).</summary>
    [Test]
    public void QRCoder_is_shipped_in_the_plugin_folder()
    {
        using var zip = PackageBuild.OpenZip();
        Assert.That(zip.Entries.Select(e => e.FullName), Does.Contain(Folder + "QRCoder.dll"));
    }

    [Test]
    public void No_assembly_the_host_already_loads_is_shipped()
    {
        using var zip = PackageBuild.OpenZip();
        var dlls = zip.Entries.Where(e => e.Name.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)).Select(e => e.Name).ToList();
        Assert.That(dlls.Where(n => n.StartsWith("FluentMigrator", StringComparison.Ordinal) || n.StartsWith("FluentValidation", StringComparison.Ordinal)), Is.Empty);
        Assert.That(dlls, Is.EquivalentTo(new[] { "Nop.Plugin.Payments.QfPayAlipay.dll", "QRCoder.dll" }), "only the plugin and the libraries it brings");
    }

    [Test]
    public void UploadedItems_json_names_the_plugin_folder_for_nopCommerce_490()
    {
        using var zip = PackageBuild.OpenZip();
        using var json = JsonDocument.Parse(zip.GetEntry("uploadedItems.json")!.Open());
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.That(items, Has.Count.EqualTo(1));
        var item = items[0];
        Assert.Multiple(() =>
        {
            Assert.That(item.GetProperty("Type").GetString(), Is.EqualTo("Plugin"));
            Assert.That(item.GetProperty("SupportedVersion").GetString(), Is.EqualTo("4.90"));
            Assert.That(item.GetProperty("DirectoryPath").GetString(), Is.EqualTo(Folder));
            Assert.That(item.GetProperty("SystemName").GetString(), Is.EqualTo(QfPayAlipayDefaults.SystemName));
        });
    }

    [Test]
    public void The_packaged_plugin_json_describes_the_packaged_dll()
    {
        using var zip = PackageBuild.OpenZip();
        using var json = JsonDocument.Parse(zip.GetEntry(Folder + "plugin.json")!.Open());
        var descriptor = json.RootElement;
        var fileName = descriptor.GetProperty("FileName").GetString();
        Assert.Multiple(() =>
        {
            Assert.That(descriptor.GetProperty("SystemName").GetString(), Is.EqualTo(QfPayAlipayDefaults.SystemName));
            Assert.That(descriptor.GetProperty("Group").GetString(), Is.EqualTo("Payment methods"));
            Assert.That(descriptor.GetProperty("Version").GetString(), Is.EqualTo(CsprojVersion()));
            Assert.That(descriptor.GetProperty("SupportedVersions").EnumerateArray().Select(v => v.GetString()), Does.Contain("4.90"));
            Assert.That(zip.GetEntry(Folder + fileName), Is.Not.Null, $"FileName {fileName} is not in the package");
        });
    }

    [Test]
    public void The_logo_is_a_png_image()
    {
        using var zip = PackageBuild.OpenZip();
        using var stream = zip.GetEntry(Folder + "logo.png")!.Open();
        var header = new byte[8];
        stream.ReadExactly(header);
        Assert.That(header, Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }));
    }

    [Test]
    public void The_build_prints_the_zip_path_and_its_content()
    {
        var result = PackageBuild.Get();
        Assert.That(result.Output, Does.Contain(result.ZipPath));
        Assert.That(result.Output, Does.Contain(Folder + "plugin.json"));
    }
}
