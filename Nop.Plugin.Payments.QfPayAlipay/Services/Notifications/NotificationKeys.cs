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
/// Finds the client keys a notification may be signed with. QFPay sends no app code with a notification, so the body
/// is checked against every configured key (settings are cached: no database statement), and nothing the body says is
/// looked up before one of them verified it; then the record it names must belong to a store whose key that is.
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

    /// <summary>
    /// Whether <paramref name="verifiedBy"/> is the key of <paramref name="storeId"/> now: only that store's key may
    /// confirm a payment or refund of that store (several stores may share one key).
    /// </summary>
    public virtual async Task<bool> IsKeyOfStoreAsync(int storeId, CandidateKey verifiedBy)
    {
        ArgumentNullException.ThrowIfNull(verifiedBy);
        var key = await ForStoreAsync(storeId);
        return key is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(key.ClientKey), System.Text.Encoding.UTF8.GetBytes(verifiedBy.ClientKey));
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
