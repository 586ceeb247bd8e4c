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
    public virtual async Task<FieldResult<long>> ToMinorAsync(Order order, QfPayPaymentAttempt payment, decimal amountToRefund, bool isPartial,
        long remainingMinor)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(payment);

        if (!isPartial || amountToRefund >= order.OrderTotal - order.RefundedAmount)
            return FieldResult<long>.Valid(remainingMinor);

        var currency = await _currencyService.GetCurrencyByCodeAsync(payment.CurrencyCode);
        if (currency is null)
            return FieldResult<long>.Invalid($"the currency {payment.CurrencyCode} of the payment is not set up in the store (Configuration > Currencies)");

        var converted = await _currencyService.ConvertFromPrimaryStoreCurrencyAsync(amountToRefund, currency);
        return MinorUnits.FromDecimal(converted, payment.CurrencyCode);
    }
}
