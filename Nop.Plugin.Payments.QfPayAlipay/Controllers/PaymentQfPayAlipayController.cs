using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Nop.Core;
using Nop.Plugin.Payments.QfPayAlipay.Factories;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Services.Admin;
using Nop.Services.Localization;
using Nop.Services.Messages;
using Nop.Services.Security;
using Nop.Web.Framework;
using Nop.Web.Framework.Controllers;
using Nop.Web.Framework.Mvc.Filters;

namespace Nop.Plugin.Payments.QfPayAlipay.Controllers;

/// <summary>
/// The configure page, at Admin/PaymentQfPayAlipay/Configure (the class name makes the route's controller name
/// <see cref="QfPayAlipayDefaults.AdminControllerName"/>, as for nopCommerce's bundled payment plugins). One form, two submit buttons: "save" stores the
/// settings for the active store scope, "test-connection" asks QFPay whether the credentials on the page work
/// and stores nothing.
/// </summary>
[AuthorizeAdmin]
[Area(AreaNames.ADMIN)]
[AutoValidateAntiforgeryToken]
public class PaymentQfPayAlipayController : BasePaymentController
{
    public const string SaveButton = "save";
    public const string TestConnectionButton = "test-connection";

    private readonly ConfigurationModelFactory _modelFactory;
    private readonly ConfigurationSaver _saver;
    private readonly ConnectionSettingsResolver _connectionSettingsResolver;
    private readonly ConnectionTester _connectionTester;
    private readonly ILocalizationService _localizationService;
    private readonly INotificationService _notificationService;
    private readonly IStoreContext _storeContext;

    public PaymentQfPayAlipayController(ConfigurationModelFactory modelFactory,
        ConfigurationSaver saver,
        ConnectionSettingsResolver connectionSettingsResolver,
        ConnectionTester connectionTester,
        ILocalizationService localizationService,
        INotificationService notificationService,
        IStoreContext storeContext)
    {
        _modelFactory = modelFactory;
        _saver = saver;
        _connectionSettingsResolver = connectionSettingsResolver;
        _connectionTester = connectionTester;
        _localizationService = localizationService;
        _notificationService = notificationService;
        _storeContext = storeContext;
    }

    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> Configure()
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        var model = await _modelFactory.PrepareModelAsync(storeScope, HttpContext.RequestAborted);
        return View(QfPayAlipayDefaults.ViewPath("Configure"), model);
    }

    [HttpPost, ActionName("Configure")]
    [FormValueRequired(SaveButton)]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> Save(ConfigurationModel model)
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        if (await ScopeChangedAsync(model, storeScope))
            return RedirectToAction(nameof(Configure));

        if (!ModelState.IsValid)
            return await RedisplayAsync(model, storeScope);

        await _saver.SaveAsync(model, storeScope);
        _notificationService.SuccessNotification(await _localizationService.GetResourceAsync("Admin.Plugins.Saved"));
        return RedirectToAction(nameof(Configure));
    }

    [HttpPost, ActionName("Configure")]
    [FormValueRequired(TestConnectionButton)]
    [CheckPermission(StandardPermission.Configuration.MANAGE_PAYMENT_METHODS)]
    public async Task<IActionResult> TestConnection(ConfigurationModel model)
    {
        var storeScope = await _storeContext.GetActiveStoreScopeConfigurationAsync();
        if (await ScopeChangedAsync(model, storeScope))
            return RedirectToAction(nameof(Configure));

        var settings = await _connectionSettingsResolver.ResolveAsync(model, storeScope);
        var result = await _connectionTester.TestAsync(settings, HttpContext.RequestAborted);
        var text = await _localizationService.GetResourceAsync(result.MessageKey);
        model.ConnectionTest = await _modelFactory.PrepareConnectionTestAsync(result, Compose(text, result.MessageArguments));

        return await RedisplayAsync(model, storeScope);
    }

    // The form's override boxes describe the scope it was opened in. If the admin switched stores in another tab
    // since, applying them to the new scope would write one store's values into another: start over instead.
    private async Task<bool> ScopeChangedAsync(ConfigurationModel model, int storeScope)
    {
        if (model.ActiveStoreScopeConfiguration == storeScope)
            return false;

        _notificationService.WarningNotification(
            await _localizationService.GetResourceAsync("Plugins.Payments.QfPayAlipay.Configure.ScopeChanged"));
        return true;
    }

    // Resources can be edited in the admin; a broken placeholder must not turn the answer into an error page.
    private static string Compose(string text, IReadOnlyList<string> arguments)
    {
        try
        {
            return string.Format(CultureInfo.CurrentCulture, text, [.. arguments]);
        }
        catch (FormatException)
        {
            return arguments.Count == 0 ? text : $"{text} ({string.Join(", ", arguments)})";
        }
    }

    private async Task<IActionResult> RedisplayAsync(ConfigurationModel model, int storeScope)
    {
        await _modelFactory.PrepareDisplayAsync(model, storeScope, HttpContext.RequestAborted);

        // Tag helpers prefer ModelState's attempted value to the model's: drop the typed key, keep its errors.
        ModelState.SetModelValue(nameof(ConfigurationModel.ClientKey), null, null);
        ModelState.SetModelValue(nameof(ConfigurationModel.AlipayAppPrivateKey), null, null);
        return View(QfPayAlipayDefaults.ViewPath("Configure"), model);
    }
}
