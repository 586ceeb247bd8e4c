using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Health;

/// <summary>What the configure page's health panel shows.</summary>
/// <param name="LastNotification">The latest notification, accepted or rejected; null if none was received.</param>
/// <param name="RejectionsLast24Hours">Rejected notifications of the last 24 hours grouped by reason, most frequent first.</param>
/// <param name="LastReconciliation">The latest reconciliation run (finished or failed); null if none ran.</param>
public sealed record IntegrationHealthReport(
    IntegrationHealthEntry? LastNotification,
    IReadOnlyList<RejectionSummary> RejectionsLast24Hours,
    IntegrationHealthEntry? LastReconciliation)
{
    public static IntegrationHealthReport Empty { get; } = new(null, [], null);

    public int RejectedLast24Hours => RejectionsLast24Hours.Sum(static r => r.Count);
}

public sealed record IntegrationHealthEntry(IntegrationEventKind Kind, DateTime OccurredOnUtc, string? Detail, int StoreId);

public sealed record RejectionSummary(string Reason, int Count, DateTime LastOccurredOnUtc);
