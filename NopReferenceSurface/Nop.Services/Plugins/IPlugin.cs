using System.Threading.Tasks;

namespace Nop.Services.Plugins;

/// <summary>Reference surface (complete): contract of every plugin.</summary>
public partial interface IPlugin
{
    string GetConfigurationPageUrl();

    PluginDescriptor PluginDescriptor { get; set; }

    Task InstallAsync();

    Task InstallSampleDataAsync();

    Task UninstallAsync();

    Task UpdateAsync(string currentVersion, string targetVersion);

    Task PreparePluginToUninstallAsync();
}
