namespace Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

/// <summary>Who learned that a payment was paid; order notes say it in these words (<see cref="SettlementSources.Describe"/>).</summary>
public enum SettlementSource
{
    /// <summary>QFPay's signed notification.</summary>
    Notification,

    /// <summary>The shopper came back from the wallet and a query found the payment paid.</summary>
    ReturnPage,

    /// <summary>The reconciliation task's query.</summary>
    Reconciliation,

    /// <summary>An admin's "Check status now".</summary>
    AdminCheck,

    /// <summary>The desktop page that waits for a QR payment asked, and a query found it paid.</summary>
    StatusPage,

    /// <summary>The shopper opened a payment link again (resume route, "Retry payment"), and a query found it paid.</summary>
    Retry,
}

public static class SettlementSources
{
    /// <summary>How an order note says where the news came from, in words an admin reads.</summary>
    public static string Describe(this SettlementSource source) => source switch
    {
        SettlementSource.Notification => "from QFPay's notification",
        SettlementSource.ReturnPage => "when the shopper returned from Alipay",
        SettlementSource.Reconciliation => "by the reconciliation task",
        SettlementSource.AdminCheck => "by Check status now",
        SettlementSource.StatusPage => "while the shopper's payment page was waiting",
        SettlementSource.Retry => "when the shopper opened the payment again",
        _ => "by a status check",
    };
}

/// <summary>
/// A verified statement from QFPay that a payment succeeded: a notification whose signature checked out, or a query
/// record with respcd 0000. <see cref="OutTradeNo"/> finds the attempt; amount, currency, pay type and cancel flag are
/// compared with what the attempt sent before anything is paid.
/// </summary>
/// <param name="PayType">QFPay's pay_type as reported, when reported.</param>
/// <param name="Cancel">QFPay's cancel flag as reported (0 none, 1/2 cancelled, 3 refunded, 4 pre-auth, 5 partly refunded).</param>
public sealed record PaidFact(string OutTradeNo, string Syssn, long AmountMinor, string Currency, SettlementSource Source,
    string? PayType = null, string? Cancel = null);
