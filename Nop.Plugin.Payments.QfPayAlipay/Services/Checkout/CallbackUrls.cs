using System.Net;
using System.Net.Sockets;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>
/// The plugin's absolute URLs under one base (a store URL or the current request's store location). QFPay gets them
/// under the order's store URL, the canonical address an admin configured, rather than whatever host the request
/// came in on (docs/nopcommerce.md §7.1).
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

    /// <summary>notify_url: language-neutral and the same for every order (QFPay registers one per app code, docs/qfpay-protocol.md §6.1).</summary>
    public string Notify => _base + QfPayAlipayDefaults.NotificationPath;

    /// <summary>return_url: short, carrying only our out_trade_no (at most 200 characters, docs/qfpay-protocol.md §4.3).</summary>
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

/// <summary>
/// The URL QFPay posts a store's notifications to: the store URL plus
/// <see cref="QfPayAlipayDefaults.NotificationPath"/>, without a language segment, because QFPay registers one
/// URL per app code (docs/qfpay-protocol.md §6.1). The configure page shows it; a payment request may send it as notify_url.
/// </summary>
public static class NotificationAddress
{
    /// <summary>The notification URL of a store whose URL is <paramref name="storeUrl"/>; null when the store has no absolute URL.</summary>
    public static string? ForStore(string? storeUrl)
    {
        if (!Uri.TryCreate(storeUrl?.Trim(), UriKind.Absolute, out var store)
            || (store.Scheme != Uri.UriSchemeHttps && store.Scheme != Uri.UriSchemeHttp))
            return null;

        return store.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/" + QfPayAlipayDefaults.NotificationPath;
    }

    private static readonly string[] LocalSuffixes = [".localhost", ".local", ".internal", ".lan", ".home.arpa"];

    /// <summary>
    /// What keeps QFPay from delivering to <paramref name="url"/>, judged from the address alone (no DNS lookup): QFPay
    /// posts from the internet, to ports 80 and 443 only (docs/qfpay-protocol.md §6.1). Empty when nothing is seen wrong.
    /// </summary>
    public static IReadOnlyList<NotificationUrlProblem> ProblemsOf(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address))
            return [];

        var problems = new List<NotificationUrlProblem>();
        if (address.Scheme != Uri.UriSchemeHttps)
            problems.Add(NotificationUrlProblem.NotHttps);

        if (address.Port is not (80 or 443))
            problems.Add(NotificationUrlProblem.UnsupportedPort);

        var host = address.IdnHost.Trim('[', ']');
        if (IPAddress.TryParse(host, out var ip))
        {
            if (!IsPublic(ip))
                problems.Add(NotificationUrlProblem.PrivateAddress);
        }
        else if (!host.Contains('.', StringComparison.Ordinal)
            || LocalSuffixes.Any(suffix => host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add(NotificationUrlProblem.LocalName);
        }

        return problems;
    }

    private static bool IsPublic(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6)
            ip = ip.MapToIPv4();

        if (IPAddress.IsLoopback(ip) || ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
            return false;

        if (ip.AddressFamily == AddressFamily.InterNetworkV6)
            return !(ip.IsIPv6LinkLocal || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal);

        var b = ip.GetAddressBytes();
        return b[0] switch
        {
            10 => false,
            172 => b[1] is < 16 or > 31,
            192 => b[1] != 168,
            169 => b[1] != 254,
            100 => b[1] is < 64 or > 127,
            0 => false,
            _ => true,
        };
    }
}

/// <summary>Why QFPay could not deliver notifications to an address.</summary>
public enum NotificationUrlProblem
{
    /// <summary>Not https: the notification would cross the internet in clear text.</summary>
    NotHttps,

    /// <summary>A port other than 80 and 443, the only ones QFPay posts to.</summary>
    UnsupportedPort,

    /// <summary>localhost or a name only a local network resolves (no dot, .local, .localhost, .internal, .lan, .home.arpa).</summary>
    LocalName,

    /// <summary>A loopback, private, link-local or shared (carrier-grade NAT) IP address.</summary>
    PrivateAddress,
}
