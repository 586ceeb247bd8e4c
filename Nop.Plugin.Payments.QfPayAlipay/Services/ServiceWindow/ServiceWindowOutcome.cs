using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.ServiceWindow;

public enum ServiceWindowStep
{
    /// <summary>The callback is not one this shop started (state missing, malformed or forged): nothing was done.</summary>
    Rejected,

    /// <summary>The order is paid, closed or gone: the controller shows what it shows for those elsewhere.</summary>
    OrderNotPayable,

    /// <summary>Go to <see cref="ServiceWindowOutcome.RedirectUrl"/>: the authorisation once more, or the problem page.</summary>
    Redirect,

    /// <summary>A QFPay payment exists: render the tradePay page with <see cref="ServiceWindowOutcome.TradeNo"/>.</summary>
    TradePay,
}

/// <summary>What the Alipay authorisation callback leads to. <see cref="Reason"/> is for the log only, never shown.</summary>
public sealed record ServiceWindowOutcome(ServiceWindowStep Step, string? Reason = null)
{
    public string? RedirectUrl { get; init; }

    public string? TradeNo { get; init; }

    public OrderLookup? Lookup { get; init; }

    public Order? Order => Lookup?.Order;
}
