using Nop.Core.Domain.Payments;

namespace Nop.Services.Payments;

/// <summary>Reference surface (complete): result of ProcessPaymentAsync.</summary>
public partial class ProcessPaymentResult : BaseNopResult
{
    public string AvsResult { get; set; }

    public string Cvv2Result { get; set; }

    public string AuthorizationTransactionId { get; set; }

    public string AuthorizationTransactionCode { get; set; }

    public string AuthorizationTransactionResult { get; set; }

    public string CaptureTransactionId { get; set; }

    public string CaptureTransactionResult { get; set; }

    public string SubscriptionTransactionId { get; set; }

    public bool AllowStoringCreditCardNumber { get; set; }

    public bool RecurringPaymentFailed { get; set; }

    public PaymentStatus NewPaymentStatus { get; set; } = PaymentStatus.Pending;
}
