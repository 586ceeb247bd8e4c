using System.Globalization;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;

/// <summary>What one reconciliation run did; its text goes to the health log ("ReconciliationRun").</summary>
public sealed class ReconciliationSummary
{
    public int Queries { get; set; }

    /// <summary>Attempts QFPay reported paid and the settlement routine settled (or found settled).</summary>
    public int Paid { get; set; }

    /// <summary>Settlements left half-way by a node that died, completed now.</summary>
    public int InterruptedCompleted { get; set; }

    /// <summary>Payments QFPay took that the order does not keep (duplicate, mismatch, closed order): flagged to refund.</summary>
    public int MoneyNotApplied { get; set; }

    public int StillPending { get; set; }

    public int Expired { get; set; }

    public int NotPaid { get; set; }

    public int OrdersCancelled { get; set; }

    public int RefundsRecorded { get; set; }

    public int RefundsFailed { get; set; }

    public int RefundsPending { get; set; }

    /// <summary>Attempts and refunds of stores whose QFPay settings are incomplete (never queried).</summary>
    public int SkippedUnconfigured { get; set; }

    public int Failures { get; set; }

    /// <summary>The run used its whole query budget: more work waits for the next run.</summary>
    public bool BudgetExhausted { get; set; }

    /// <summary>The run hit its time limit.</summary>
    public bool TimedOut { get; set; }

    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Queries} queries: {Paid} paid ({InterruptedCompleted} interrupted settlements completed), {MoneyNotApplied} paid but not applied " +
            $"(flagged to refund), {StillPending} still pending, " +
            $"{Expired} expired, {NotPaid} not paid, {OrdersCancelled} orders cancelled; refunds: {RefundsRecorded} recorded, {RefundsFailed} failed, " +
            $"{RefundsPending} pending");

        if (SkippedUnconfigured > 0)
            text += string.Create(CultureInfo.InvariantCulture, $"; {SkippedUnconfigured} skipped (store not configured)");
        if (Failures > 0)
            text += string.Create(CultureInfo.InvariantCulture, $"; {Failures} errors (see the log)");
        if (BudgetExhausted)
            text += "; query budget used up, the rest waits for the next run";
        if (TimedOut)
            text += "; time limit reached, the rest waits for the next run";

        return text + ".";
    }
}
