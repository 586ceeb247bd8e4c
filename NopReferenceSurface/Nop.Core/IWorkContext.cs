using System.Threading.Tasks;
using Nop.Core.Domain.Customers;
using Nop.Core.Domain.Directory;
using Nop.Core.Domain.Localization;
using Nop.Core.Domain.Vendors;

namespace Nop.Core;

/// <summary>Reference surface (subset): per-request customer, currency and language.</summary>
public partial interface IWorkContext
{
    Task<Customer> GetCurrentCustomerAsync();

    Task SetCurrentCustomerAsync(Customer customer = null);

    Task<Currency> GetWorkingCurrencyAsync();

    Task<Language> GetWorkingLanguageAsync();

    Task<Vendor> GetCurrentVendorAsync();
}
