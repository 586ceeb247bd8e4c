using System.Globalization;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

/// <summary>The three pay types this plugin supports (docs/qfpay-protocol.md §4.1); the enum value is QFPay's code.</summary>
public enum QfPayPayType
{
    /// <summary>801107: Alipay cross-border WAP, Mainland-China wallets; answers with <c>pay_url</c>.</summary>
    AlipayCrossBorderWap = 801107,

    /// <summary>801512: AlipayHK WAP for Hong Kong merchants; answers with <c>pay_url</c>.</summary>
    AlipayHongKongWap = 801512,

    /// <summary>800107: Alipay Service Window H5 inside the Alipay app; needs <c>openid</c>, answers with <c>pay_params.tradeNO</c>.</summary>
    AlipayServiceWindowH5 = 800107,
}

public static class QfPayPayTypes
{
    /// <summary>The <c>pay_type</c> value sent on the wire.</summary>
    public static string ToCode(this QfPayPayType payType) => ((int)payType).ToString(CultureInfo.InvariantCulture);

    /// <summary>Only the supported codes; other pay types (QR, in-app) are refused.</summary>
    public static bool TryParse(string? code, out QfPayPayType payType)
    {
        payType = default;
        if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || !Enum.IsDefined(typeof(QfPayPayType), value))
            return false;

        payType = (QfPayPayType)value;
        return true;
    }

    /// <summary>801107 and 801512 redirect the browser to <c>pay_url</c>; 800107 runs Alipay's JSAPI instead.</summary>
    public static bool UsesPayUrl(this QfPayPayType payType) => payType != QfPayPayType.AlipayServiceWindowH5;
}

/// <summary>Checks <c>return_url</c> and <c>notify_url</c> before they reach QFPay.</summary>
public static class CallbackUrl
{
    /// <summary>Alipay WAP truncates or rejects longer return URLs (docs/qfpay-protocol.md §4.3, contradiction C10).</summary>
    public const int ReturnUrlMaxLength = 200;

    /// <summary>String(255) on QFPay's WAP page (docs/qfpay-protocol.md §4.2); see <see cref="RecommendedMaxLength"/>.</summary>
    public const int NotifyUrlMaxLength = 255;

    /// <summary>docs/qfpay-protocol.md §12 C10 recommends keeping both URLs under 200 characters.</summary>
    public const int RecommendedMaxLength = 200;

    public static FieldResult<string> CheckReturnUrl(string? url) => Check(url, "return_url", ReturnUrlMaxLength,
        "Alipay accepts at most 200 characters; use a short path such as /qfpay/return/12345.");

    public static FieldResult<string> CheckNotifyUrl(string? url) => Check(url, "notify_url", NotifyUrlMaxLength,
        "QFPay accepts at most 255 characters, and recommends fewer than 200.");

    /// <summary>True when <paramref name="url"/> is within QFPay's recommended 200 characters.</summary>
    public static bool IsWithinRecommendedLength(string url) => url.Trim().Length <= RecommendedMaxLength;

    private static FieldResult<string> Check(string? url, string field, int maxLength, string lengthAdvice)
    {
        var trimmed = url?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return FieldResult<string>.Invalid($"{field} is empty.");

        if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return FieldResult<string>.Invalid($"{field} must be an absolute http(s) URL.");

        if (trimmed.Length > maxLength)
            return FieldResult<string>.Invalid($"{field} has {trimmed.Length} characters; {lengthAdvice}");

        return FieldResult<string>.Valid(trimmed);
    }
}
