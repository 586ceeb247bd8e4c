using Nop.Core.Domain.Orders;

namespace Nop.Services.Payments;

/// <summary>Reference surface (complete): input of VoidAsync.</summary>
public partial class VoidPaymentRequest
{
    public Order Order { get; set; }
}
