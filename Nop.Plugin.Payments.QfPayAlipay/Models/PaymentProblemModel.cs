using Nop.Plugin.Payments.QfPayAlipay.Services.Returns;

namespace Nop.Plugin.Payments.QfPayAlipay.Models;

/// <summary>The problem page: what went wrong in the shopper's words, and the way to retry.</summary>
/// <param name="CanRetry">Show "Retry payment" (a link to the order page, where nopCommerce's retry button is).</param>
public sealed record PaymentProblemModel(int OrderId, string CustomOrderNumber, PaymentProblemKind Problem, bool CanRetry)
{
    public string MessageKey => Localization.CheckoutResources.ProblemMessageKey(Problem);
}
