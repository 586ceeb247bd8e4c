using System.Threading.Tasks;
using Nop.Core.Domain.Customers;

namespace Nop.Services.Customers;

/// <summary>Reference surface (subset): customers.</summary>
public partial interface ICustomerService
{
    /// <summary>The built-in customer nopCommerce's own background work runs as (created if missing).</summary>
    Task<Customer> GetOrCreateBackgroundTaskUserAsync();
}
