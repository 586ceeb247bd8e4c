using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Admin;

/// <summary>
/// What "Test connection" tests: the values on the page where the admin may edit them, the settings in effect
/// for the store scope where they are inherited (their inputs are disabled and not posted), and the key just
/// typed, or else the key in effect.
/// </summary>
public class ConnectionSettingsResolver
{
    private readonly ISettingService _settingService;

    public ConnectionSettingsResolver(ISettingService settingService)
    {
        _settingService = settingService;
    }

    public virtual async Task<ConnectionSettings> ResolveAsync(ConfigurationModel model, int storeScope)
    {
        ArgumentNullException.ThrowIfNull(model);
        var stored = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(storeScope);
        bool Editing(bool overrideForStore) => storeScope == 0 || overrideForStore;

        return new ConnectionSettings(
            Editing(model.EnvironmentId_OverrideForStore) ? (QfPayEnvironment)model.EnvironmentId : stored.Environment,
            Editing(model.CustomBaseUrl_OverrideForStore) ? model.CustomBaseUrl : stored.CustomBaseUrl,
            Editing(model.AppCode_OverrideForStore) ? model.AppCode : stored.AppCode,
            string.IsNullOrWhiteSpace(model.ClientKey) ? stored.ClientKey : model.ClientKey,
            Editing(model.MerchantId_OverrideForStore) ? model.MerchantId : stored.MerchantId,
            Editing(model.SignTypeId_OverrideForStore) ? (QfPaySignType)model.SignTypeId : stored.SignType);
    }
}
