using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// One merchant's credentials and host. Passed to every call because each store may have its own
/// (API.md §2.3, §11.21). <see cref="MerchantId"/> (<c>mchid</c>) is sent only when QFPay issued one:
/// sending it empty or unissued breaks the call (§2.3, §11.15).
/// </summary>
/// <param name="BaseUrl">From <see cref="QfPayEndpoints.BaseUrlFor"/>.</param>
/// <param name="AppCode">Sent as <c>X-QF-APPCODE</c>.</param>
/// <param name="ClientKey">The signing secret; never sent, logged or printed.</param>
/// <param name="MerchantId">The <c>mchid</c>, or null/blank when QFPay issued none.</param>
/// <param name="SignType">Request signature algorithm.</param>
public sealed record QfPayAccount(Uri BaseUrl, string AppCode, string ClientKey, string? MerchantId = null, QfPaySignType SignType = QfPaySignType.Md5)
{
    public QfPayTimeouts Timeouts { get; init; } = QfPayTimeouts.Default;

    /// <summary>The <c>mchid</c> to send, or null.</summary>
    public string? MerchantIdToSend => string.IsNullOrWhiteSpace(MerchantId) ? null : MerchantId.Trim();

    /// <summary>Why this account cannot be used, or null. Secrets are described, never quoted.</summary>
    public string? Validate()
    {
        if (BaseUrl is null || !BaseUrl.IsAbsoluteUri || (BaseUrl.Scheme != Uri.UriSchemeHttps && BaseUrl.Scheme != Uri.UriSchemeHttp))
            return "The QFPay base URL must be an absolute http(s) URL.";

        if (string.IsNullOrWhiteSpace(AppCode))
            return "No QFPay app code is configured.";

        if (AppCode.Trim() != AppCode)
            return "The QFPay app code has leading or trailing spaces; enter it again.";

        if (string.IsNullOrEmpty(ClientKey))
            return "No QFPay client key is configured.";

        // A pasted key with a stray space signs everything wrongly (1108) and is hard to spot.
        if (ClientKey.Trim() != ClientKey)
            return "The QFPay client key has leading or trailing spaces; enter it again.";

        if (!Enum.IsDefined(SignType))
            return $"Unknown signature type '{SignType}'.";

        return Timeouts?.Validate() ?? (Timeouts is null ? "No QFPay timeouts are set." : null);
    }

    /// <summary>Never prints the key.</summary>
    public override string ToString() =>
        $"QfPayAccount {{ BaseUrl = {BaseUrl}, AppCode = {AppCode}, MerchantId = {MerchantIdToSend ?? "(none)"}, SignType = {SignType}, ClientKey = {QfPayRequestSummary.Redacted} }}";
}
