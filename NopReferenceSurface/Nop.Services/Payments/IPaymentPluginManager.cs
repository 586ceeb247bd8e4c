using System.Threading.Tasks;
using Nop.Core.Domain.Customers;

namespace Nop.Services.Payments;

/// <summary>Reference surface (subset): loads and checks payment plugins.</summary>
public partial interface IPaymentPluginManager
{
    Task<bool> IsPluginActiveAsync(string systemName, Customer customer = null, int storeId = 0);
}
