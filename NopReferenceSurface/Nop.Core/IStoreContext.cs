using System.Threading.Tasks;
using Nop.Core.Domain.Stores;

namespace Nop.Core;

/// <summary>Reference surface (subset): current store.</summary>
public partial interface IStoreContext
{
    Task<Store> GetCurrentStoreAsync();

    Task<int> GetActiveStoreScopeConfigurationAsync();
}
