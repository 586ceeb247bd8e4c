using Moq;
using Nop.Core;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Factories;
using Nop.Plugin.Payments.QfPayAlipay.Services.Admin;
using Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;
using Nop.Plugin.Payments.QfPayAlipay.Services.Health;
using Nop.Plugin.Payments.QfPayAlipay.Services.Reconciliation;
using Nop.Services.Configuration;
using Nop.Services.Directory;
using Nop.Services.Localization;
using Nop.Services.ScheduleTasks;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// The configure page's model factory as nopCommerce builds it, from the stand-ins a test has; nopCommerce services a
/// test does not care about are loose mocks. The one place that knows the factory's constructor.
/// </summary>
public static class ConfigurePageFactory
{
    public static ConfigurationModelFactory Create(ISettingService settings,
        IStoreContext storeContext,
        IStoreService storeService,
        IIntegrationHealthLog healthLog,
        ILocalizationService? localization = null,
        ICurrencyService? currencies = null,
        IReconciliationSource? reconciliationSource = null,
        IScheduleTaskService? scheduleTasks = null,
        TimeProvider? clock = null)
    {
        localization ??= EnglishResources.Mock().Object;
        var visibility = new CheckoutVisibility(new CheckoutAvailability(), currencies ?? Mock.Of<ICurrencyService>());
        var outlook = new ReconciliationOutlook(ReconciliationPolicy.Default, scheduleTasks ?? Mock.Of<IScheduleTaskService>(),
            reconciliationSource ?? Mock.Of<IReconciliationSource>(), clock ?? TimeProvider.System);
        return new ConfigurationModelFactory(new CheckoutReasonsModelFactory(localization, settings, visibility), healthLog, localization,
            outlook, settings, storeContext, storeService, new StoreScopedKey(settings));
    }
}
