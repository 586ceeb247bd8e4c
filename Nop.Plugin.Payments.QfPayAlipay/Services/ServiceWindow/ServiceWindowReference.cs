namespace Nop.Plugin.Payments.QfPayAlipay.Services.ServiceWindow;

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
