using Nop.Core.Domain.Payments;

namespace Nop.Services.Payments;

/// <summary>Reference surface (complete): result of RefundAsync.</summary>
public partial class RefundPaymentResult : BaseNopResult
{
    public PaymentStatus NewPaymentStatus { get; set; } = PaymentStatus.Pending;
}
