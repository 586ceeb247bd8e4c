using System.Text.Json;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Notifications;

/// <summary>../shared/qfpay/notification-vectors.json (docs/qfpay-protocol.md §6.8), read in place.</summary>
public sealed record NotificationVector(string Name, string RawBody, string Key, string ExpectedSign)
{
    public byte[] BodyBytes => System.Text.Encoding.UTF8.GetBytes(RawBody);

    public override string ToString() => Name;

    public static IReadOnlyList<NotificationVector> Load() => Parse(File.ReadAllText(RepositoryPaths.SharedFile("qfpay", "notification-vectors.json")));

    public static IEnumerable<TestCaseData> Cases()
    {
        var path = RepositoryPaths.Shared is { } shared ? Path.Combine(shared, "qfpay", "notification-vectors.json") : null;
        if (path is null || !File.Exists(path))
            yield break;

        foreach (var vector in Parse(File.ReadAllText(path)))
            yield return new TestCaseData(vector).SetName($"Notification vector {vector.Name} is authentic");
    }

    private static List<NotificationVector> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select((element, index) => new NotificationVector(
            $"N{index + 1}",
            element.GetProperty("raw_body").GetString()!,
            element.GetProperty("key").GetString()!,
            element.GetProperty("expected_sign").GetString()!)).ToList();
    }
}
