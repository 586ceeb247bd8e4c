using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;

/// <summary>A client key that may have signed a notification, and the store it belongs to (0 = the all-stores default).</summary>
public sealed record CandidateKey(int StoreId, string ClientKey)
{
    /// <summary>Never prints the key.</summary>
    public override string ToString() => $"CandidateKey {{ StoreId = {StoreId} }}";
}

/// <summary>
/// Finds the client keys a notification may be signed with. A notification about a known attempt is verified only
/// with the key of the store that owns the attempt; one about an unknown out_trade_no (a refund, another shop on the
/// same app code) with every configured key, since QFPay sends no app code on notifications (API.md §6.2).
/// </summary>
public class NotificationKeys
{
    private readonly ISettingService _settingService;
    private readonly IStoreService _storeService;

    public NotificationKeys(ISettingService settingService, IStoreService storeService)
    {
        _settingService = settingService;
        _storeService = storeService;
    }

    /// <summary>The key of <paramref name="storeId"/>, or null when that store has none.</summary>
    public virtual async Task<CandidateKey?> ForStoreAsync(int storeId)
    {
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(storeId);
        return string.IsNullOrEmpty(settings.ClientKey) ? null : new CandidateKey(storeId, settings.ClientKey);
    }

    /// <summary>Every distinct configured key, the all-stores default first.</summary>
    public virtual async Task<IReadOnlyList<CandidateKey>> AllConfiguredAsync()
    {
        var keys = new List<CandidateKey>();
        var storeIds = new List<int> { 0 };
        storeIds.AddRange((await _storeService.GetAllStoresAsync()).Select(static store => store.Id));
        foreach (var storeId in storeIds.Distinct())
        {
            if (await ForStoreAsync(storeId) is { } key && keys.All(k => !string.Equals(k.ClientKey, key.ClientKey, StringComparison.Ordinal)))
                keys.Add(key);
        }

        return keys;
    }
}
