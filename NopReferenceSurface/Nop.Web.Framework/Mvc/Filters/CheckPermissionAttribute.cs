using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Nop.Web.Framework.Mvc.Filters;

/// <summary>
/// Reference surface (complete): requires one of the named permissions. The result-type enum is NESTED,
/// as in nopCommerce: it is part of the constructor signature MVC resolves from the plugin's metadata.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CheckPermissionAttribute : TypeFilterAttribute
{
    public CheckPermissionAttribute(string permissionSystemName,
        CheckPermissionResultType resultType = CheckPermissionResultType.Default)
        : base(typeof(SurfaceOnlyFilter))
    {
        PermissionSystemName.Add(permissionSystemName);
        ResultType = resultType;
        Arguments = new object[] { resultType, new List<string>(PermissionSystemName) };
    }

    public CheckPermissionAttribute(string[] permissionSystemNames,
        CheckPermissionResultType resultType = CheckPermissionResultType.Default)
        : base(typeof(SurfaceOnlyFilter))
    {
        PermissionSystemName.AddRange(permissionSystemNames);
        ResultType = resultType;
        Arguments = new object[] { resultType, new List<string>(PermissionSystemName) };
    }

    public List<string> PermissionSystemName { get; } = new List<string>();

    public CheckPermissionResultType ResultType { get; }

    /// <summary>How a denied request is answered.</summary>
    public enum CheckPermissionResultType
    {
        Default = 0,
        Html = 1,
        Text = 2,
        Json = 3
    }

    // stand-in for the real (private) filter; never executed
    private sealed class SurfaceOnlyFilter : IAsyncAuthorizationFilter
    {
        public Task OnAuthorizationAsync(AuthorizationFilterContext context) =>
            throw new NotSupportedException("reference surface only");
    }
}
