using Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// Looks for configured keys in text the plugin produced. A key is searched whole and by a distinctive piece of it, so
/// a key cut short or wrapped in other text is still found; the hit names the key, never shows it.
/// </summary>
public static class SecretScan
{
    /// <summary>The keys the tests configure: QFPay client keys and the Alipay private keys.</summary>
    public static IReadOnlyDictionary<string, string> ConfiguredKeys { get; } = new Dictionary<string, string>
    {
        ["QFPay client key (simulator demo merchant)"] = SimulatorOptions.DemoMerchant.ClientKey,
        ["Alipay app private key (fixed vector)"] = AlipayTestKeys.FixedPrivateKey,
        ["Alipay app private key (this run)"] = AlipayTestKeys.AppPrivateKey,
    };

    /// <summary>Where a key appears: "key name in source", one entry per hit.</summary>
    public static IReadOnlyList<string> Find(IEnumerable<(string Source, string? Text)> texts, IReadOnlyDictionary<string, string>? keys = null)
    {
        keys ??= ConfiguredKeys;
        var needles = keys.SelectMany(static k => Needles(k.Value).Select(n => (Name: k.Key, Needle: n))).ToList();
        var hits = new List<string>();
        foreach (var (source, text) in texts)
        {
            if (string.IsNullOrEmpty(text))
                continue;

            foreach (var (name, needle) in needles)
            {
                if (text.Contains(needle, StringComparison.OrdinalIgnoreCase))
                {
                    hits.Add($"{name} in {source}");
                    break;
                }
            }
        }

        return hits;
    }

    public static IReadOnlyList<string> FindInLogs(LogSinks sinks, IReadOnlyDictionary<string, string>? keys = null) =>
        Find(sinks.AllTexts().Select(static (text, i) => ($"log line {i}", (string?)text)), keys);

    /// <summary>
    /// The whole key and its 24-character pieces: a partial key in a log (e.g. a prefix "for diagnosis") leaks much of
    /// it too, and any 47 characters of a long key hold one whole piece. PEM/base64 keys are compared without their
    /// line breaks.
    /// </summary>
    private static IEnumerable<string> Needles(string key)
    {
        var compact = string.Concat(key.Where(static c => !char.IsWhiteSpace(c)));
        if (compact.StartsWith("-----BEGIN", StringComparison.Ordinal))
            compact = string.Concat(compact.Split("-----").Where(static part => part.Length > 40));

        yield return compact;
        if (compact.Length > 48)
        {
            for (var start = 0; start + 24 <= compact.Length; start += 24)
                yield return compact.Substring(start, 24);
        }
        else if (compact.Length >= 24)
        {
            yield return compact[4..^4];
        }
    }
}
