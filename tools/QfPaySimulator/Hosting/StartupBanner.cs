using System.Globalization;
using System.Net;

namespace QfPaySimulator.Hosting;

/// <summary>What a person starting the simulator needs to configure the shop: where it listens and what it accepts.</summary>
internal static class StartupBanner
{
    /// <param name="alipay">The fake Alipay's app and keys, printed when given (the command-line app gives them).</param>
    public static void Write(TextWriter output, IReadOnlyCollection<string> addresses, SimulatorOptions options, SimulatedAlipayApp? alipay = null)
    {
        var baseUrl = addresses.FirstOrDefault() ?? "(unknown)";
        output.WriteLine("QFPay simulator: a local stand-in for QFPay's Open API. No real payment happens here.");
        output.WriteLine($"  Base URL      {baseUrl}   (use it as the plugin's QFPay base URL)");
        foreach (var other in addresses.Skip(1))
            output.WriteLine($"                {other}");
        output.WriteLine("  API           POST /trade/v1/payment   /trade/v1/query   /trade/v1/refund");
        output.WriteLine("  Cashier       GET  /cashier/{syssn}   (pay_url of 801107/801512; also pays 800107)");
        output.WriteLine("  Control       GET  /_simulator/requests   /_simulator/deliveries   GET|POST|DELETE /_simulator/faults");

        foreach (var merchant in options.Merchants)
        {
            output.WriteLine($"  App code      {merchant.AppCode}");
            output.WriteLine($"  Client key    {merchant.ClientKey}");
            output.WriteLine(merchant.MerchantId is { } mchid
                ? $"  mchid         {mchid}   (send it on every call)"
                : "  mchid         none   (never send the mchid field)");
        }

        if (options.NotifyUrlMode == NotifyUrlMode.RegisteredOnly)
        {
            output.WriteLine("  Notify to     only the URL registered for the app code; each request's notify_url is ignored");
            foreach (var merchant in options.Merchants)
            {
                output.WriteLine(options.RegisteredNotifyUrls.TryGetValue(merchant.AppCode, out var registered)
                    ? $"  Registered    {registered}"
                    : $"  Registered    none for {merchant.AppCode}: no notifications are sent");
            }
        }

        output.WriteLine($"  Notification retries: 2 min, 10 min, 10 min, 60 min, 2 h, 6 h, 15 h x {options.RetryTimeScale.ToString(CultureInfo.InvariantCulture)}");
        foreach (var fault in options.Faults)
            output.WriteLine($"  Fault         {fault}");
        if (alipay is not null)
            Alipay.AlipayBanner.Write(output, baseUrl, alipay);

        if (addresses.Any(address => !IsLoopback(address)))
            output.WriteLine("  WARNING       listening beyond this machine; the simulator has no real security.");
        output.WriteLine("Press Ctrl+C to stop.");
    }

    private static bool IsLoopback(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (uri.Host == "localhost" || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
}
