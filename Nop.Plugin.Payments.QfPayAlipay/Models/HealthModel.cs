using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.QfPayAlipay.Models;

/// <summary>The health panel: what arrived from QFPay and when reconciliation ran. Times are UTC.</summary>
public record HealthModel : BaseNopModel
{
    public HealthEventModel? LastNotification { get; set; }

    public int RejectedLast24Hours { get; set; }

    public IList<RejectionModel> Rejections { get; set; } = [];

    public HealthEventModel? LastReconciliation { get; set; }

    /// <summary>Open payment attempts too young for reconciliation ("Run now" included) to ask QFPay about yet.</summary>
    public int AttemptsTooRecentToQuery { get; set; }

    /// <summary>How old an attempt must be before reconciliation asks about it.</summary>
    public int TooRecentMinutes { get; set; }

    public ReconciliationTaskState ReconciliationTaskState { get; set; }

    /// <summary>When nopCommerce runs the reconciliation task next; null when it is disabled or missing.</summary>
    public DateTime? NextReconciliationUtc { get; set; }
}

public record HealthEventModel : BaseNopModel
{
    public DateTime OccurredOnUtc { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>Localized "Accepted" / "Rejected" / "Finished" / "Failed".</summary>
    public string Result { get; set; } = string.Empty;

    public string? Detail { get; set; }
}

public record RejectionModel : BaseNopModel
{
    public string Reason { get; set; } = string.Empty;

    public int Count { get; set; }

    public DateTime LastOccurredOnUtc { get; set; }
}
