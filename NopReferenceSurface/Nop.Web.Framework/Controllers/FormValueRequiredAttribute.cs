using System;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ActionConstraints;
using Microsoft.AspNetCore.Routing;

namespace Nop.Web.Framework.Controllers;

/// <summary>
/// Reference surface (complete): selects an action only when the posted form carries one of the named
/// submit buttons. MVC instantiates the real attribute from the plugin's metadata, so the constructor
/// signatures are what matter.
/// </summary>
public sealed class FormValueRequiredAttribute : ActionMethodSelectorAttribute
{
    public FormValueRequiredAttribute(params string[] submitButtonNames)
    {
    }

    public FormValueRequiredAttribute(FormValueRequirement requirement, params string[] submitButtonNames)
    {
    }

    public FormValueRequiredAttribute(FormValueRequirement requirement, bool validateNameOnly,
        params string[] submitButtonNames)
    {
    }

    public override bool IsValidForRequest(RouteContext routeContext, ActionDescriptor action) =>
        throw new NotSupportedException("reference surface only");
}
