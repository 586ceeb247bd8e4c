using Microsoft.AspNetCore.Http;

namespace Nop.Plugin.Payments.QfPayAlipay.Controllers;

/// <summary>
/// Keeps the plugin's shopper pages (and the status answer they poll) out of every cache: they show live payment
/// state and hand out payment links.
/// </summary>
/// <remarks>
/// nopCommerce's public layout renders forms with an antiforgery token, and ASP.NET Core's antiforgery then sets
/// Cache-Control "no-cache, no-store" and Pragma "no-cache" itself, logging a warning whenever the page had set a
/// Cache-Control without no-cache or another Pragma. These are exactly its values, so it finds nothing to override,
/// and no-store holds on pages that render no token.
/// </remarks>
internal static class ShopperPageCaching
{
    public const string CacheControl = "no-cache, no-store";

    public const string Pragma = "no-cache";

    public static void Forbid(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.CacheControl = CacheControl;
        response.Headers.Pragma = Pragma;
    }
}
