using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Nop.Web.Framework.Mvc.Filters;

/// <summary>
/// Reference surface (complete): requires admin-area access. At run time MVC instantiates the real
/// attribute from the plugin's metadata, so only the constructor signature matters here.
/// </summary>
public sealed class AuthorizeAdminAttribute : TypeFilterAttribute
{
    public AuthorizeAdminAttribute(bool ignore = false)
        : base(typeof(SurfaceOnlyFilter))
    {
        IgnoreFilter = ignore;
        Arguments = new object[] { ignore };
    }

    public bool IgnoreFilter { get; }

    // stand-in for the real (private) filter; never executed
    private sealed class SurfaceOnlyFilter : IAsyncAuthorizationFilter
    {
        public Task OnAuthorizationAsync(AuthorizationFilterContext context) =>
            throw new NotSupportedException("reference surface only");
    }
}
