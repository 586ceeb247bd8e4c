using Microsoft.AspNetCore.Routing;

namespace Nop.Web.Framework.Mvc.Routing;

/// <summary>Reference surface (complete): registers a plugin's routes.</summary>
public partial interface IRouteProvider
{
    void RegisterRoutes(IEndpointRouteBuilder endpointRouteBuilder);

    int Priority { get; }
}
