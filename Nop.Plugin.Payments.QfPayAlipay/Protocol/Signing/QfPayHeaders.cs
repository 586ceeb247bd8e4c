namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

/// <summary>Authentication headers of every API request (API.md §2.2).</summary>
public static class QfPayHeaders
{
    public const string AppCode = "X-QF-APPCODE";

    public const string Sign = "X-QF-SIGN";

    public const string SignType = "X-QF-SIGNTYPE";

    /// <summary>
    /// <c>X-QF-APPCODE</c> and <c>X-QF-SIGN</c>, plus <c>X-QF-SIGNTYPE: SHA256</c> only when SHA-256 was
    /// used. MD5 is QFPay's default when the header is absent (§2.2) and every MD5 sample omits it, so
    /// leaving it out for MD5 is the form QFPay has certainly seen.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ForRequest(string appCode, string signature, QfPaySignType signType)
    {
        ArgumentException.ThrowIfNullOrEmpty(appCode);
        ArgumentException.ThrowIfNullOrEmpty(signature);

        var headers = new List<KeyValuePair<string, string>>(3)
        {
            new(AppCode, appCode),
            new(Sign, signature),
        };
        if (signType == QfPaySignType.Sha256)
            headers.Add(new(SignType, "SHA256"));

        return headers;
    }
}
