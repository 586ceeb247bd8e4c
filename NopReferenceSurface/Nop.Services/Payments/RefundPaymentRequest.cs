using Nop.Core.Domain.Orders;

namespace Nop.Services.Payments;

/// <summary>Reference surface (complete): input of RefundAsync (amount in primary store currency).</summary>
public partial class RefundPaymentRequest
{
    public Order Order { get; set; }

    public decimal AmountToRefund { get; set; }

    public bool IsPartialRefund { get; set; }
}
