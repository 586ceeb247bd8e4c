namespace QfPaySimulator.Endpoints;

/// <summary>The merchants whose credentials the simulator accepts, by app code (docs/qfpay-protocol.md §2.3).</summary>
internal sealed class MerchantDirectory
{
    private readonly Dictionary<string, SimulatedMerchant> byAppCode;

    public MerchantDirectory(SimulatorOptions options)
    {
        byAppCode = new Dictionary<string, SimulatedMerchant>(StringComparer.Ordinal);
        foreach (var merchant in options.Merchants)
        {
            if (!byAppCode.TryAdd(merchant.AppCode, merchant))
                throw new ArgumentException($"App code {merchant.AppCode} is configured twice.", nameof(options));
        }
    }

    public SimulatedMerchant? Find(string? appCode) =>
        appCode is not null && byAppCode.TryGetValue(appCode, out var merchant) ? merchant : null;
}
