namespace Nop.Plugin.Payments.QfPayAlipay.Services.Returns;

public enum ReturnPageKind
{
    /// <summary>Paid: nopCommerce's checkout-completed page.</summary>
    Completed,

    /// <summary>Not confirmed yet: the plugin's waiting page, which refreshes itself.</summary>
    Pending,

    /// <summary>Not paid (or paid but not acceptable): the plugin's problem page.</summary>
    Problem,

    /// <summary>No such attempt or order: the home page.</summary>
    NotFound,
}

/// <summary>Where the browser goes after QFPay sent it back (or after the problem page was opened).</summary>
public sealed record ReturnPageDecision(ReturnPageKind Kind, int OrderId = 0, Guid OrderGuid = default, string? CustomOrderNumber = null,
    PaymentProblemKind? Problem = null, bool CanRetry = false)
{
    public static ReturnPageDecision NotFound { get; } = new(ReturnPageKind.NotFound);
}
