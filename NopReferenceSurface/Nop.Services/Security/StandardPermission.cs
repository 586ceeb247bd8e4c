namespace Nop.Services.Security;

/// <summary>Reference surface (subset): system names of the built-in permissions.</summary>
public partial class StandardPermission
{
    public partial class Orders
    {
        public const string ORDERS_VIEW = "Orders.OrdersView";

        public const string ORDERS_CREATE_EDIT_DELETE = "Orders.OrdersCreateEditDelete";
    }

    public partial class Configuration
    {
        public const string MANAGE_PAYMENT_METHODS = "Configuration.ManagePaymentMethods";
    }
}
