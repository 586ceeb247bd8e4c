namespace Nop.Plugin.Payments.QfPayAlipay.Services.Shopper;

/// <summary>Recognises the Alipay apps' web views from the tokens they append to the User-Agent.</summary>
internal static class AlipayAppSignatures
{
    public static AlipayWallet Detect(ReadOnlySpan<char> userAgent)
    {
        // "AlipayClientHK" begins with "AlipayClient", so AlipayHK must be tested first or it would pass
        // for Mainland Alipay and be offered 800107, which needs the Mainland app (API.md §10.2).
        if (userAgent.Contains("AlipayClientHK", StringComparison.Ordinal))
            return AlipayWallet.AlipayHK;

        // Mainland Alipay's mPaaS container also writes "AliApp(AP/<version>)"; other Alibaba apps use
        // the same AliApp(...) form with their own code (DingTalk, Taobao "TB"), hence the "AP/".
        if (userAgent.Contains("AlipayClient", StringComparison.Ordinal)
            || userAgent.Contains("AliApp(AP/", StringComparison.Ordinal))
            return AlipayWallet.Alipay;

        return AlipayWallet.None;
    }
}
