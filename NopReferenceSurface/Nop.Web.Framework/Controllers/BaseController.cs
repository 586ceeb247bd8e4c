using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using Nop.Services.Localization;
using Nop.Web.Framework.Models;

namespace Nop.Web.Framework.Controllers;

/// <summary>
/// Reference surface (complete declarations): base of all nopCommerce controllers. The real class also
/// carries global filter attributes; they are applied by the real assembly at run time.
/// </summary>
public abstract partial class BaseController : Controller
{
    protected virtual Task<string> RenderViewComponentToStringAsync(Type componentType, object arguments = null) =>
        throw new NotSupportedException("reference surface only");

    protected virtual Task<string> RenderPartialViewToStringAsync(string viewName, object model) =>
        throw new NotSupportedException("reference surface only");

    protected JsonResult ErrorJson(string error) => throw new NotSupportedException("reference surface only");

    protected JsonResult ErrorJson(object errors) => throw new NotSupportedException("reference surface only");

    protected virtual void DisplayEditLink(string editPageUrl) =>
        throw new NotSupportedException("reference surface only");

    protected virtual Task AddLocalesAsync<TLocalizedModelLocal>(ILanguageService languageService,
        IList<TLocalizedModelLocal> locales) where TLocalizedModelLocal : ILocalizedLocaleModel =>
        throw new NotSupportedException("reference surface only");

    protected virtual Task AddLocalesAsync<TLocalizedModelLocal>(ILanguageService languageService,
        IList<TLocalizedModelLocal> locales, Action<TLocalizedModelLocal, int> configure)
        where TLocalizedModelLocal : ILocalizedLocaleModel =>
        throw new NotSupportedException("reference surface only");

    protected virtual IActionResult AccessDeniedView() => throw new NotSupportedException("reference surface only");

    protected virtual Task<JsonResult> AccessDeniedJsonAsync() =>
        throw new NotSupportedException("reference surface only");

    public virtual void SaveSelectedCardName(string cardName, bool persistForTheNextRequest = true) =>
        throw new NotSupportedException("reference surface only");

    public virtual Task SaveSelectedTabNameAsync(string tabName = "", bool persistForTheNextRequest = true) =>
        throw new NotSupportedException("reference surface only");

    protected virtual void SaveSelectedTabName(string tabName, StringValues selectedTabName, string dataKeyPrefix,
        bool persistForTheNextRequest) =>
        throw new NotSupportedException("reference surface only");
}
