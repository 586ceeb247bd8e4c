using System.Collections.Generic;
using System.Threading.Tasks;
using Nop.Core.Domain.Stores;

namespace Nop.Services.Stores;

/// <summary>Reference surface (subset): stores.</summary>
public partial interface IStoreService
{
    Task<IList<Store>> GetAllStoresAsync();

    Task<Store> GetStoreByIdAsync(int storeId);
}
