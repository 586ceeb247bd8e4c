using Nop.Core.Domain.Orders;

namespace Nop.Services.Payments;

/// <summary>Reference surface (complete): input of PostProcessPaymentAsync.</summary>
public partial class PostProcessPaymentRequest
{
    public Order Order { get; set; }
}
