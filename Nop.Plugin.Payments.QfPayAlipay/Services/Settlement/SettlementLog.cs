using System.Globalization;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

/// <summary>The identifying part of every settlement log line and note: order, out_trade_no, syssn, amount. No secrets.</summary>
internal static class SettlementLog
{
    public static string Subject(QfPayPaymentAttempt? attempt, PaidFact fact) =>
        attempt is null
            ? $"out_trade_no {fact.OutTradeNo}, syssn {fact.Syssn}"
            : $"order id {attempt.OrderId}, out_trade_no {fact.OutTradeNo}, syssn {fact.Syssn}";

    public static string Amount(long minor, string currency)
    {
        var major = MinorUnits.ToDecimal(minor, currency);
        var exponent = MinorUnits.ExponentOf(currency);
        return major.IsValid && exponent.IsValid
            ? string.Create(CultureInfo.InvariantCulture, $"{major.Value.ToString("F" + exponent.Value, CultureInfo.InvariantCulture)} {currency} (txamt {minor})")
            : string.Create(CultureInfo.InvariantCulture, $"txamt {minor} {currency}");
    }
}
