namespace Nop.Services.Orders;

/// <summary>Reference surface (complete): where a custom value is shown on the order.</summary>
public enum CustomValueDisplayLocation
{
    BillingAddress = 0,
    ShippingAddress = 1,
    Payment = 2,
    Shipping = 3
}
