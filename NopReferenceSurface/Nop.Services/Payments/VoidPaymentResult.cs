using Nop.Core.Domain.Payments;

namespace Nop.Services.Payments;

/// <summary>Reference surface (complete): result of VoidAsync.</summary>
public partial class VoidPaymentResult : BaseNopResult
{
    public PaymentStatus NewPaymentStatus { get; set; } = PaymentStatus.Pending;
}
