namespace Nop.Web.Framework.Mvc.Routing;

/// <summary>Reference surface (subset): URL generation.</summary>
public partial interface INopUrlHelper
{
    string RouteUrl(string routeName, object values = null, string protocol = null, string host = null,
        string fragment = null);
}
