using System.Security.Cryptography;
using System.Text;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.QfPayAlipay.Alipay;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Services.Configuration;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.ServiceWindow;

/// <summary>Where an 800107 shopper goes first: Alipay's silent <c>auth_base</c> authorisation, or a reason why not.</summary>
/// <param name="Url">The authorisation address (a 302 target), when the store's app and keys allow one.</param>
/// <param name="Problem">Why there is none; safe to log (no key material).</param>
public sealed record AuthorizationStart(string? Url, string? Problem);

/// <summary>
/// Starts 800107 (docs/qfpay-protocol.md §10.2 step 2): the shopper's browser is sent to Alipay's authorisation page, which comes back
/// to the plugin's callback with a one-time <c>auth_code</c> and the signed <c>state</c> that names the order.
/// </summary>
public class ServiceWindowAuthorizer
{
    /// <summary>Silent authorisation takes seconds; ten minutes covers a slow network without keeping states alive long.</summary>
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    private readonly ISettingService _settingService;
    private readonly IStoreService _storeService;
    private readonly TimeProvider _timeProvider;
    private readonly IWebHelper _webHelper;

    public ServiceWindowAuthorizer(ISettingService settingService, IStoreService storeService, TimeProvider timeProvider, IWebHelper webHelper)
    {
        _settingService = settingService;
        _storeService = storeService;
        _timeProvider = timeProvider;
        _webHelper = webHelper;
    }

    /// <param name="isRetry">True for the one restart after a spent or lost code; the callback allows no second.</param>
    public virtual async Task<AuthorizationStart> StartAsync(Order order, bool isRetry = false)
    {
        ArgumentNullException.ThrowIfNull(order);
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(order.StoreId);
        var app = AlipayAppSettings.TryRead(settings, out var problem);
        if (app is null)
            return new AuthorizationStart(null, problem);

        var states = OAuthStateKey.For(settings, _timeProvider);
        if (states is null)
            return new AuthorizationStart(null, "the QFPay client key, from which the authorisation state key is derived, is not configured");

        // The canonical store URL, like QFPay's callbacks: it is the address registered with Alipay for the app.
        var store = await _storeService.GetStoreByIdAsync(order.StoreId);
        var callbacks = new CallbackUrls(string.IsNullOrWhiteSpace(store?.Url) ? _webHelper.GetStoreLocation() : store.Url);

        var reference = new ServiceWindowReference(order.OrderGuid, isRetry);
        var state = states.Issue(reference.ToString(), reference.SessionBinding, StateLifetime);
        return new AuthorizationStart(AlipayAuthorizationRequest.Build(app, new Uri(callbacks.AlipayCallback), state).AbsoluteUri, null);
    }
}

/// <summary>
/// What the authorisation <c>state</c> names: the order (its GUID, 32 hex digits) and whether this is already the one
/// silent re-authorisation allowed after a spent or lost <c>auth_code</c>. Carrying the retry in the signed state keeps
/// the restart bounded without any server-side memory.
/// </summary>
public sealed record ServiceWindowReference(Guid OrderGuid, bool IsRetry)
{
    private const string RetrySuffix = ".r";

    public override string ToString() => OrderGuid.ToString("N") + (IsRetry ? RetrySuffix : string.Empty);

    public static ServiceWindowReference? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return null;

        var retry = text.EndsWith(RetrySuffix, StringComparison.Ordinal);
        var guidText = retry ? text[..^RetrySuffix.Length] : text;
        return Guid.TryParseExact(guidText, "N", out var guid) ? new ServiceWindowReference(guid, retry) : null;
    }

    /// <summary>
    /// The session binding for <see cref="Alipay.OAuthState"/>: the order GUID. The callback is anonymous (Alipay's
    /// webview is the only client) and the order GUID is what every plugin page of this order is addressed by; the
    /// HMAC under the store's key is what makes a state impossible to forge or to point at another order.
    /// </summary>
    public string SessionBinding => OrderGuid.ToString("D");
}

/// <summary>
/// The key that signs the 800107 authorisation <c>state</c> (<see cref="OAuthState"/>), derived from the store's QFPay
/// client key with HKDF-SHA256 and the label <see cref="Label"/>.
/// </summary>
/// <remarks>
/// Derived rather than stored so that no new secret has to be generated, kept and copied: every web node of a farm
/// already shares the client key, so every node derives the same state key, and a callback that lands on another
/// node still verifies. HKDF with its own label keeps the derived key independent of the client key's own use
/// (QFPay signatures): knowing one state key reveals nothing about the client key. Rotating the client key
/// invalidates authorisations that are in flight (at most <see cref="ServiceWindowAuthorizer.StateLifetime"/>), which
/// only costs the shopper a fresh silent authorisation.
/// </remarks>
public static class OAuthStateKey
{
    public const string Label = "qfpay-alipay-oauth-state";

    /// <summary>The state signer for a store, or null when the store has no client key (then nothing is offered anyway).</summary>
    public static OAuthState? For(QfPayAlipaySettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clientKey = settings.ClientKey?.Trim();
        if (string.IsNullOrEmpty(clientKey))
            return null;

        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(clientKey), OAuthState.MinimumKeyBytes,
            salt: [], info: Encoding.ASCII.GetBytes(Label));
        try
        {
            return new OAuthState(key, timeProvider);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}

/// <summary>
/// Reads the store's Alipay open-platform app (needed only for 800107, docs/qfpay-protocol.md §10.2) out of the plugin settings. Blank
/// gateway and authorisation addresses mean Alipay's production ones, so a real store fills in only the app id and keys.
/// </summary>
public static class AlipayAppSettings
{
    /// <summary>Whether the admin has entered anything for the app; nothing at all means 800107 is simply not set up.</summary>
    public static bool IsStarted(QfPayAlipaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return !string.IsNullOrWhiteSpace(settings.AlipayAppId)
            || !string.IsNullOrWhiteSpace(settings.AlipayAppPrivateKey)
            || !string.IsNullOrWhiteSpace(settings.AlipayPublicKey);
    }

    /// <summary>
    /// The app when it validates, else null and the reason. The reason comes from <see cref="AlipayOpenApp.Validate"/>,
    /// which describes keys without quoting them, so it may be logged.
    /// </summary>
    public static AlipayOpenApp? TryRead(QfPayAlipaySettings settings, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!IsStarted(settings))
        {
            problem = "the Alipay open-platform app (app id, app private key, Alipay public key) is not configured";
            return null;
        }

        if (!TryUrl(settings.AlipayGatewayUrl, AlipayOpenApp.ProductionGatewayUrl, out var gateway)
            || !TryUrl(settings.AlipayAuthorizeUrl, AlipayOpenApp.ProductionAuthorizeUrl, out var authorize))
        {
            problem = "the Alipay gateway or authorisation URL is not an absolute URL";
            return null;
        }

        var app = new AlipayOpenApp(settings.AlipayAppId?.Trim() ?? string.Empty, settings.AlipayAppPrivateKey ?? string.Empty,
            settings.AlipayPublicKey ?? string.Empty)
        {
            GatewayUrl = gateway,
            AuthorizeUrl = authorize,
        };

        problem = app.Validate()?.TrimEnd('.');
        return problem is null ? app : null;
    }

    private static bool TryUrl(string? configured, string production, out Uri url) =>
        Uri.TryCreate(string.IsNullOrWhiteSpace(configured) ? production : configured.Trim(), UriKind.Absolute, out url!);
}
