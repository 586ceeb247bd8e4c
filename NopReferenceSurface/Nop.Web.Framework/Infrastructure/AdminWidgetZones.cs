namespace Nop.Web.Framework.Infrastructure;

/// <summary>
/// Reference surface (subset): admin widget zone names. They are static properties, not constants, so the
/// plugin reads the real values at run time; the values here are nopCommerce's, for tests.
/// </summary>
public static partial class AdminWidgetZones
{
    public static string OrderDetailsBlock => "admin_order_details_block";

    public static string OrderDetailsButtons => "admin_order_details_buttons";
}
