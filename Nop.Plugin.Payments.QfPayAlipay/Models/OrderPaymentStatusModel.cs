using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.QfPayAlipay.Models;

/// <summary>
/// The Alipay (QFPay) block on the admin order page: the order's payment attempts and refunds as the plugin recorded
/// them, and the "Check status now" button. Texts are resolved by the view component (shipped English when the store
/// lacks a resource), so the view only prints. Never carries a key or signature.
/// </summary>
public record OrderPaymentStatusModel : BaseNopModel
{
    public int OrderId { get; set; }

    /// <summary>Where the button posts (Admin/QfPayOrderStatus/CheckStatus?orderId=...).</summary>
    public string CheckStatusUrl { get; set; } = string.Empty;

    /// <summary>Payments QFPay took that the order does not keep (duplicate, or arrived for a closed order): each has a refund button.</summary>
    public int MoneyToReturnCount { get; set; }

    public IList<AttemptRowModel> Attempts { get; set; } = [];

    public IList<RefundRowModel> Refunds { get; set; } = [];

    public OrderPaymentStatusTexts Texts { get; set; } = new();
}

public record AttemptRowModel : BaseNopModel
{
    public string OutTradeNo { get; set; } = string.Empty;

    /// <summary>Set for a payment to return whose money is not refunded yet: where "Refund this duplicate payment" posts.</summary>
    public string? RefundMoneyUrl { get; set; }

    /// <summary>"Refund this duplicate payment" or "Refund this payment".</summary>
    public string? RefundMoneyLabel { get; set; }

    public string Amount { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public bool IsOpen { get; set; }

    public string? Syssn { get; set; }

    public string? LastResponseCode { get; set; }

    public string? LastMessage { get; set; }

    public DateTime CreatedOnUtc { get; set; }
}

public record RefundRowModel : BaseNopModel
{
    public string OutTradeNo { get; set; } = string.Empty;

    /// <summary>The out_trade_no of the payment it refunds.</summary>
    public string PaymentOutTradeNo { get; set; } = string.Empty;

    public string Amount { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public bool IsPending { get; set; }

    public string? RefundSyssn { get; set; }

    public string? LastResponseCode { get; set; }

    public string? LastMessage { get; set; }

    public DateTime CreatedOnUtc { get; set; }
}

/// <summary>The block's labels, in the admin's language.</summary>
public record OrderPaymentStatusTexts : BaseNopModel
{
    public string Title { get; set; } = string.Empty;
    public string Attempts { get; set; } = string.Empty;
    public string Refunds { get; set; } = string.Empty;
    public string NoAttempts { get; set; } = string.Empty;
    public string NoRefunds { get; set; } = string.Empty;
    public string CheckNow { get; set; } = string.Empty;
    public string CheckNowHint { get; set; } = string.Empty;
    public string OutTradeNo { get; set; } = string.Empty;
    public string Amount { get; set; } = string.Empty;
    public string Status { get; set; } = string.Empty;
    public string Syssn { get; set; } = string.Empty;
    public string Code { get; set; } = string.Empty;
    public string Details { get; set; } = string.Empty;
    public string Created { get; set; } = string.Empty;
    public string Payment { get; set; } = string.Empty;
    public string RefundMoneyHint { get; set; } = string.Empty;
    public string MoneyToReturnWarning { get; set; } = string.Empty;
}
