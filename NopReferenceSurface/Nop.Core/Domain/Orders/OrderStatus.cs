namespace Nop.Core.Domain.Orders;

/// <summary>Reference surface (complete): order status.</summary>
public enum OrderStatus
{
    Pending = 10,
    Processing = 20,
    Complete = 30,
    Cancelled = 40
}
