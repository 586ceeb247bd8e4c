using System.Linq.Expressions;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Admin;

/// <summary>
/// Saves a validated configure page for a store scope the nopCommerce way: per property, for the scope when it
/// is overridden (or the scope is "all stores"), otherwise removing the store's own value so the shared one
/// applies; the settings cache is cleared once at the end (docs/nopcommerce.md §3).
/// </summary>
public class ConfigurationSaver
{
    private readonly ISettingService _settingService;
    private readonly StoreScopedKey _storeScopedKey;

    public ConfigurationSaver(ISettingService settingService, StoreScopedKey storeScopedKey)
    {
        _settingService = settingService;
        _storeScopedKey = storeScopedKey;
    }

    public virtual async Task SaveAsync(ConfigurationModel model, int storeScope)
    {
        ArgumentNullException.ThrowIfNull(model);
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(storeScope);

        settings.Environment = (QfPayEnvironment)model.EnvironmentId;
        settings.CustomBaseUrl = Clean(model.CustomBaseUrl);
        settings.AppCode = Clean(model.AppCode);
        // Write-only: a blank box keeps this scope's own key, never one inherited from elsewhere.
        settings.ClientKey = Clean(model.ClientKey) ?? await _storeScopedKey.GetOwnAsync(storeScope);
        settings.MerchantId = Clean(model.MerchantId);
        settings.SignType = (QfPaySignType)model.SignTypeId;
        settings.PayType = (QfPayPayType)model.PayTypeId;
        settings.ChargeCurrency = MinorUnits.NormalizeCurrency(model.ChargeCurrency) ?? string.Empty;
        settings.GoodsNameTemplate = Clean(model.GoodsNameTemplate) ?? string.Empty;
        settings.PaymentExpiryMinutes = model.PaymentExpiryMinutes;
        settings.LimitPayNoCredit = model.LimitPayNoCredit;
        settings.AdditionalFee = model.AdditionalFee;
        settings.AdditionalFeePercentage = model.AdditionalFeePercentage;
        settings.DebugLogging = model.DebugLogging;
        settings.ReconciliationIntervalMinutes = model.ReconciliationIntervalMinutes;
        settings.AutoCancelExpiredOrders = model.AutoCancelExpiredOrders;
        settings.HideOnDesktop = model.HideOnDesktop;
        settings.AlipayAppId = Clean(model.AlipayAppId);
        // Write-only like the client key: a blank box keeps this scope's own private key.
        settings.AlipayAppPrivateKey = Clean(model.AlipayAppPrivateKey) ?? await _storeScopedKey.GetOwnAsync(storeScope, static s => s.AlipayAppPrivateKey);
        settings.AlipayPublicKey = Clean(model.AlipayPublicKey);
        settings.AlipayGatewayUrl = Clean(model.AlipayGatewayUrl);
        settings.AlipayAuthorizeUrl = Clean(model.AlipayAuthorizeUrl);

        await SaveAsync(settings, s => s.Environment, model.EnvironmentId_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.CustomBaseUrl, model.CustomBaseUrl_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.AppCode, model.AppCode_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.ClientKey, model.ClientKey_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.MerchantId, model.MerchantId_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.SignType, model.SignTypeId_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.PayType, model.PayTypeId_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.ChargeCurrency, model.ChargeCurrency_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.GoodsNameTemplate, model.GoodsNameTemplate_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.PaymentExpiryMinutes, model.PaymentExpiryMinutes_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.LimitPayNoCredit, model.LimitPayNoCredit_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.AdditionalFee, model.AdditionalFee_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.AdditionalFeePercentage, model.AdditionalFeePercentage_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.DebugLogging, model.DebugLogging_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.ReconciliationIntervalMinutes, model.ReconciliationIntervalMinutes_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.AutoCancelExpiredOrders, model.AutoCancelExpiredOrders_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.HideOnDesktop, model.HideOnDesktop_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.AlipayAppId, model.AlipayAppId_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.AlipayAppPrivateKey, model.AlipayAppPrivateKey_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.AlipayPublicKey, model.AlipayPublicKey_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.AlipayGatewayUrl, model.AlipayGatewayUrl_OverrideForStore, storeScope);
        await SaveAsync(settings, s => s.AlipayAuthorizeUrl, model.AlipayAuthorizeUrl_OverrideForStore, storeScope);

        await _settingService.ClearCacheAsync();
    }

    private Task SaveAsync<TProperty>(QfPayAlipaySettings settings, Expression<Func<QfPayAlipaySettings, TProperty>> selector,
        bool overrideForStore, int storeScope) =>
        _settingService.SaveSettingOverridablePerStoreAsync(settings, selector, overrideForStore, storeScope, false);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

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

/// <summary>
/// How the configure page shows the stored client key: enough for an admin to recognise which key is stored,
/// never enough to use it.
/// </summary>
public static class ClientKeyMask
{
    public const string Bullets = "••••";

    /// <summary>Below this length the last 4 characters would give away too much of the key; only bullets are shown.</summary>
    public const int MinLengthToShowEnd = 12;

    /// <summary>"•••• 2C8E" for a QFPay key, "••••" for a short one, null when there is no key.</summary>
    public static string? For(string? clientKey)
    {
        var key = clientKey?.Trim();
        if (string.IsNullOrEmpty(key))
            return null;

        return key.Length < MinLengthToShowEnd ? Bullets : $"{Bullets} {key[^4..]}";
    }
}
