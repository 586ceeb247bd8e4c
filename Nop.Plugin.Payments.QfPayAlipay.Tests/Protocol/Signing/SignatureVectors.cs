using System.Text.Json;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Signing;

/// <summary>
/// ../shared/qfpay/signature-vectors.json (docs/qfpay-protocol.md §3.5): read in place, never copied into the repository.
/// The vectors were computed by an independent script; regenerate them there, not from this code.
/// </summary>
public sealed record SignatureVector(string Name, IReadOnlyList<KeyValuePair<string, string?>> Params, string Key, QfPaySignType Algorithm, string ExpectedSign)
{
    public override string ToString() => Name;

    public static IReadOnlyList<SignatureVector> Load() => Parse(File.ReadAllText(RepositoryPaths.SharedFile("qfpay", "signature-vectors.json")));

    /// <summary>For TestCaseSource: empty (not failing) on a clone without ../shared; <see cref="Load"/> reports that.</summary>
    public static IEnumerable<TestCaseData> Cases()
    {
        var path = RepositoryPaths.Shared is { } shared ? Path.Combine(shared, "qfpay", "signature-vectors.json") : null;
        if (path is null || !File.Exists(path))
            yield break;

        foreach (var vector in Parse(File.ReadAllText(path)))
            yield return new TestCaseData(vector).SetName($"Signature vector {vector.Name} reproduces its expected sign");
    }

    private static List<SignatureVector> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select((element, index) => new SignatureVector(
            $"V{index + 1}",
            [.. element.GetProperty("params").EnumerateObject().Select(p => new KeyValuePair<string, string?>(p.Name, p.Value.GetString()))],
            element.GetProperty("key").GetString()!,
            element.GetProperty("algorithm").GetString() switch
            {
                "MD5" => QfPaySignType.Md5,
                "SHA256" => QfPaySignType.Sha256,
                var other => throw new InvalidDataException($"Unknown algorithm {other}"),
            },
            element.GetProperty("expected_sign").GetString()!)).ToList();
    }
}
