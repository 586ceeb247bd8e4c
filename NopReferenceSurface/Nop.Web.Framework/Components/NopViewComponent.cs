using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace Nop.Web.Framework.Components;

/// <summary>
/// Reference surface (complete): base of nopCommerce view components. The real View overloads also
/// publish a "model prepared" event; here they only hide and forward to ViewComponent.View.
/// </summary>
public abstract partial class NopViewComponent : ViewComponent
{
    public new ViewViewComponentResult View<TModel>(string viewName, TModel model) => base.View(viewName, model);

    public new ViewViewComponentResult View<TModel>(TModel model) => base.View(model);

    public new ViewViewComponentResult View(string viewName) => base.View(viewName);
}
