namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>Which QFPay host a store talks to (API.md §1.1).</summary>
public enum QfPayEnvironment
{
    /// <summary>Live Testing, <c>https://test-openapi-hk.qfapi.com</c>: real wallets, real money, not settled (§1.4).</summary>
    Test,

    /// <summary><c>https://openapi-hk.qfapi.com</c>.</summary>
    Production,

    /// <summary>Any absolute http(s) URL: a regional host (§1.3) or a local simulator.</summary>
    Custom,
}
