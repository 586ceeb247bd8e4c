using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Services.Directory;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>
/// Turns the amount nopCommerce asks to refund (primary store currency, PLUGIN-API.md §1.5) into txamt in the
/// currency the payment was charged in, by the payment's own rule: nopCommerce's rate, then
/// <see cref="MinorUnits.FromDecimal"/> (the checkout's ChargeCalculator does the same for the charge).
/// </summary>
/// <remarks>
/// Refunding "everything that is left" is not converted at all: it is the paid txamt minus what was refunded, in
/// minor units. Converting the order total again could differ from the charge by a minor unit (rounding) or by a
/// rate change since checkout, and QFPay would then refuse the last refund with 1272 or leave a remainder.
/// </remarks>
public class RefundAmountCalculator
{
    private readonly ICurrencyService _currencyService;

    public RefundAmountCalculator(ICurrencyService currencyService)
    {
        _currencyService = currencyService;
    }

    /// <param name="remainingMinor">What is left to refund of <paramref name="payment"/>, in its minor units.</param>
    /// <param name="refundedByPlugin">What the plugin's confirmed refunds of the payment add up to, in the primary currency.</param>
    public virtual async Task<FieldResult<long>> ToMinorAsync(Order order, QfPayPaymentAttempt payment, decimal amountToRefund, bool isPartial,
        long remainingMinor, decimal refundedByPlugin)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);

        // "The rest" means the rest of the payment only while the order's refunds are exactly the plugin's; a refund
        // recorded by hand (e.g. one made in QFPay's portal) leaves the two apart, and then the amount is converted.
        var restOfOrder = amountToRefund >= order.OrderTotal - order.RefundedAmount;
        if (!isPartial || (restOfOrder && order.RefundedAmount == refundedByPlugin))
            return FieldResult<long>.Valid(remainingMinor);

        var currency = await _currencyService.GetCurrencyByCodeAsync(payment.CurrencyCode);
        if (currency is null)
            return FieldResult<long>.Invalid($"the currency {payment.CurrencyCode} of the payment is not set up in the store (Configuration > Currencies)");

        var converted = await _currencyService.ConvertFromPrimaryStoreCurrencyAsync(amountToRefund, currency);
        return MinorUnits.FromDecimal(converted, payment.CurrencyCode);
    }
}
