using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>
/// The plugin's absolute URLs under one base (a store URL or the current request's store location). QFPay gets them
/// under the order's store URL, the canonical address an admin configured, rather than whatever host the request
/// came in on (PLUGIN-API.md §7.1).
/// </summary>
public sealed class CallbackUrls
{
    private readonly string _base;

    public CallbackUrls(string baseUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(baseUrl);
        _base = baseUrl.Trim().TrimEnd('/') + "/";
    }

    public string Base => _base;

    /// <summary>notify_url: language-neutral and the same for every order (QFPay registers one per app code, API.md §6.1).</summary>
    public string Notify => _base + QfPayAlipayDefaults.NotificationPath;

    /// <summary>return_url: short, carrying only our out_trade_no (at most 200 characters, API.md §4.3).</summary>
    public string Return(string outTradeNo) => _base + QfPayAlipayDefaults.ReturnPathPrefix + Uri.EscapeDataString(outTradeNo);

    public string PaymentProblem(Guid orderGuid) => _base + QfPayAlipayDefaults.PaymentProblemPathPrefix + orderGuid.ToString("D");

    public string OpenInBrowser(Guid orderGuid) => _base + QfPayAlipayDefaults.OpenInBrowserPathPrefix + orderGuid.ToString("D");

    /// <summary>The link shoppers copy or scan: the plugin's own, so it outlives any one pay_url (issue #7).</summary>
    public string Resume(Guid orderGuid) => _base + QfPayAlipayDefaults.ResumePathPrefix + orderGuid.ToString("D");

    public string Scan(Guid orderGuid) => _base + QfPayAlipayDefaults.ScanPathPrefix + orderGuid.ToString("D");

    public string Status(Guid orderGuid) => _base + QfPayAlipayDefaults.StatusPathPrefix + orderGuid.ToString("D");

    /// <summary>800107: the redirect_uri of Alipay's silent authorisation; the same for every order (Alipay checks it
    /// against the callback registered for the app).</summary>
    public string AlipayCallback => _base + QfPayAlipayDefaults.AlipayCallbackPath;

    public bool ReturnFits(string outTradeNo) => Return(outTradeNo).Length <= CallbackUrl.ReturnUrlMaxLength;
}
