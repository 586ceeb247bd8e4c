using System.Threading.Tasks;
using Nop.Core.Domain.Directory;

namespace Nop.Services.Directory;

/// <summary>Reference surface (subset): currencies and conversion.</summary>
public partial interface ICurrencyService
{
    Task<Currency> GetCurrencyByIdAsync(int currencyId);

    Task<Currency> GetCurrencyByCodeAsync(string currencyCode);

    decimal ConvertCurrency(decimal amount, decimal exchangeRate);

    Task<decimal> ConvertFromPrimaryStoreCurrencyAsync(decimal amount, Currency targetCurrencyCode);
}
