using Nop.Core.Domain.Orders;

namespace Nop.Services.Payments;

/// <summary>Reference surface (complete): input of CaptureAsync.</summary>
public partial class CapturePaymentRequest
{
    public Order Order { get; set; }
}
