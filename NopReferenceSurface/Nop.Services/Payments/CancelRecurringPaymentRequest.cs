using Nop.Core.Domain.Orders;

namespace Nop.Services.Payments;

/// <summary>Reference surface (complete): input of CancelRecurringPaymentAsync.</summary>
public partial class CancelRecurringPaymentRequest
{
    public Order Order { get; set; }
}
