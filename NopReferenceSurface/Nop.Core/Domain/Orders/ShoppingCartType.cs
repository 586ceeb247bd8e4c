namespace Nop.Core.Domain.Orders;

/// <summary>Reference surface (complete): shopping cart or wishlist.</summary>
public enum ShoppingCartType
{
    ShoppingCart = 1,
    Wishlist = 2
}
