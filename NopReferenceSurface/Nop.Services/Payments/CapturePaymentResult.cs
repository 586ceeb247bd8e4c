using Nop.Core.Domain.Payments;

namespace Nop.Services.Payments;

/// <summary>Reference surface (complete): result of CaptureAsync.</summary>
public partial class CapturePaymentResult : BaseNopResult
{
    public string CaptureTransactionId { get; set; }

    public string CaptureTransactionResult { get; set; }

    public PaymentStatus NewPaymentStatus { get; set; } = PaymentStatus.Pending;
}
