using Nop.Core;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Stores;
using Nop.Core.Domain.Vendors;
using Nop.Services.Customers;
using Nop.Services.Stores;

namespace QfPayAlipay.Benchmarks.StandIns;

/// <summary>
/// The one store, its built-in background-task customer and a work context, as plain objects: the notification route
/// asks for them on every notification (every store's key, the customer a settlement runs as), and the test shop's Moq
/// stand-ins would record each call.
/// </summary>
public sealed class FixedNopContext(Func<string> storeUrl) : IStoreService, ICustomerService, IWorkContext
{
    private readonly Customer _backgroundTask = new() { Id = 2, SystemName = "BackgroundTask", IsSystemAccount = true };
    private Store? _store;

    private Store TheStore => _store ??= new Store { Id = Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Shop.StoreId, Name = "Demo store", Url = storeUrl() };

    public Task<IList<Store>> GetAllStoresAsync() => Task.FromResult<IList<Store>>([TheStore]);

    public Task<Store> GetStoreByIdAsync(int storeId) => Task.FromResult(storeId == TheStore.Id ? TheStore : null!);

    public Task<Customer> GetOrCreateBackgroundTaskUserAsync() => Task.FromResult(_backgroundTask);

    public Task<Customer> GetCurrentCustomerAsync() => Task.FromResult(_backgroundTask);

    public Task SetCurrentCustomerAsync(Customer customer = null!) => Task.CompletedTask;

    public Task<Currency> GetWorkingCurrencyAsync() => Task.FromResult(new Currency { CurrencyCode = "HKD", Rate = 1m });

    public Task<Language> GetWorkingLanguageAsync() => Task.FromResult(new Language());

    public Task<Vendor> GetCurrentVendorAsync() => Task.FromResult<Vendor>(null!);
}
