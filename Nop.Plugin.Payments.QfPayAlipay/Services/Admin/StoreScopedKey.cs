using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Admin;

/// <summary>
/// The client key a store scope holds itself. Loading settings for a store falls back to the shared value, which
/// is right for checkout but wrong for "keep the stored key": keeping would then copy the shared key into the
/// store. Reading the store's own row only (as the bundled PayPal plugin does for its credentials) means a key
/// saved for one store can never end up in another by accident.
/// </summary>
public class StoreScopedKey
{
    private readonly ISettingService _settingService;

    public StoreScopedKey(ISettingService settingService)
    {
        _settingService = settingService;
    }

    /// <summary>The key stored for exactly <paramref name="storeScope"/> (0 = shared), or null.</summary>
    public virtual Task<string?> GetOwnAsync(int storeScope) => GetOwnAsync(storeScope, static s => s.ClientKey);

    /// <summary>The same for another write-only secret, e.g. the Alipay app private key (800107).</summary>
    public virtual async Task<string?> GetOwnAsync(int storeScope, System.Linq.Expressions.Expression<Func<QfPayAlipaySettings, string?>> secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = _settingService.GetSettingKey(new QfPayAlipaySettings(), secret);
        var value = await _settingService.GetSettingByKeyAsync<string?>(key, null, storeScope, false);
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
