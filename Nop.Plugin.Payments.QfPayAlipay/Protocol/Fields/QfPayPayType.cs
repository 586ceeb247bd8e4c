using System.Globalization;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

/// <summary>The three pay types this plugin supports (API.md §4.1); the enum value is QFPay's code.</summary>
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
