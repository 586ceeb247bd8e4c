namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

/// <summary>Request signature algorithm (API.md §3.1 step 6).</summary>
public enum QfPaySignType
{
    /// <summary>QFPay's default when <c>X-QF-SIGNTYPE</c> is absent; used by every QFPay sample.</summary>
    Md5,

    /// <summary>Recommended by QFPay; must be announced with <c>X-QF-SIGNTYPE: SHA256</c>.</summary>
    Sha256,
}
