using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

/// <summary>The outcome of one settlement, with the attempt it concerned (when known) and a line for the log.</summary>
/// <param name="IsDuplicate">True when an earlier call already did the work this outcome describes.</param>
public sealed record SettlementResult(SettlementOutcome Outcome, QfPayPaymentAttempt? Attempt, string Detail, bool IsDuplicate = false)
{
    /// <summary>Trying again later may change the outcome (QFPay should retry the notification).</summary>
    public bool IsRetryable => Outcome is SettlementOutcome.Busy or SettlementOutcome.TransientFailure;

    /// <summary>The payment reached a final state in the shop, whatever it was.</summary>
    public bool IsFinal => !IsRetryable;

    /// <summary>The order is paid by this payment or was paid already.</summary>
    public bool OrderIsPaid => Outcome is SettlementOutcome.Settled or SettlementOutcome.AlreadySettled or SettlementOutcome.PaidTwice;
}
