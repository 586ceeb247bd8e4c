using System.Collections.Generic;
using System.Threading.Tasks;
using Nop.Core.Domain.Orders;

namespace Nop.Services.Orders;

/// <summary>Reference surface (subset): order totals.</summary>
public partial interface IOrderTotalCalculationService
{
    Task<decimal> CalculatePaymentAdditionalFeeAsync(IList<ShoppingCartItem> cart, decimal fee, bool usePercentage);
}
