namespace QfPaySimulator.Alipay;

/// <summary>
/// The start-up lines about the fake Alipay, printed only when the simulator runs on its own: what to enter in the
/// shop's Alipay app settings for 800107. The keys are test keys of this simulator; the banner says so.
/// </summary>
internal static class AlipayBanner
{
    public static void Write(TextWriter output, string baseUrl, SimulatedAlipayApp app)
    {
        var root = baseUrl.TrimEnd('/');
        output.WriteLine("  Alipay (fake open platform for 800107; TEST KEYS, never use them for anything real)");
        output.WriteLine($"  Alipay app id       {app.AppId}");
        output.WriteLine($"  Authorize URL       {root}{AlipayEndpoints.AuthorizePath}");
        output.WriteLine($"  Gateway URL         {root}{AlipayEndpoints.GatewayPath}");
        output.WriteLine($"  App private key     {app.AppPrivateKey ?? "(not known: the simulator was given only the app's public key)"}");
        output.WriteLine($"  App public key      {app.AppPublicKey}");
        output.WriteLine($"  Alipay public key   {app.AlipayPublicKey}");
        output.WriteLine("  tradePay            POST /alipay/tradepay/{tradeNO}   (pays an 800107 trade, as the Alipay app would)");
    }
}
