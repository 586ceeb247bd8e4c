using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;

/// <summary>
/// Each store's settings and QFPay account, loaded once per run: a scheduled task has no "current store"
/// (PLUGIN-API.md §7.8), so every attempt is handled with the settings of the store that created it.
/// </summary>
public class StoreAccounts
{
    private readonly Dictionary<int, StoreAccount> _loaded = [];
    private readonly ISettingService _settingService;

    public StoreAccounts(ISettingService settingService)
    {
        _settingService = settingService;
    }

    public virtual async Task<StoreAccount> ForStoreAsync(int storeId)
    {
        if (_loaded.TryGetValue(storeId, out var known))
            return known;

        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(storeId);
        var account = new StoreAccount(storeId, settings, MerchantAccount.From(settings));
        _loaded[storeId] = account;
        return account;
    }
}

/// <param name="Account">The account, or why the store's settings cannot make one (never quoting the key).</param>
public sealed record StoreAccount(int StoreId, QfPayAlipaySettings Settings, FieldResult<QfPayAccount> Account);
