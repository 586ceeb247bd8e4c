using System.Globalization;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

/// <summary>
/// The identifying part of every settlement log line and note: order, out_trade_no, syssn, amount. No secrets.
/// Both are values that write themselves into the line being built (a notification builds several such lines), so
/// they cost no string of their own.
/// </summary>
internal static class SettlementLog
{
    public static SubjectText Subject(QfPayPaymentAttempt? attempt, PaidFact fact) => new(attempt?.OrderId, fact.OutTradeNo, fact.Syssn);

    public static AmountText Amount(long minor, string currency) => new(minor, currency);

    /// <summary>"order id 10025, out_trade_no ..., syssn ..." (without the order when no attempt is known).</summary>
    public readonly record struct SubjectText(int? OrderId, string OutTradeNo, string Syssn) : ISpanFormattable
    {
        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
            OrderId is { } orderId
                ? destination.TryWrite(CultureInfo.InvariantCulture, $"order id {orderId}, out_trade_no {OutTradeNo}, syssn {Syssn}", out charsWritten)
                : destination.TryWrite(CultureInfo.InvariantCulture, $"out_trade_no {OutTradeNo}, syssn {Syssn}", out charsWritten);

        public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{this}");
    }

    /// <summary>"128.00 HKD (txamt 12800)", or "txamt 12800 XYZ" for a currency QFPay does not know.</summary>
    public readonly record struct AmountText(long Minor, string Currency) : ISpanFormattable
    {
        private static readonly string[] DecimalsFormats = ["F0", "F1", "F2", "F3", "F4"];

        public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
        {
            var major = MinorUnits.ToDecimal(Minor, Currency);
            var exponent = MinorUnits.ExponentOf(Currency);
            if (!major.IsValid || !exponent.IsValid)
                return destination.TryWrite(CultureInfo.InvariantCulture, $"txamt {Minor} {Currency}", out charsWritten);

            var decimals = exponent.Value < DecimalsFormats.Length ? DecimalsFormats[exponent.Value] : "F" + exponent.Value;
            charsWritten = 0;
            if (!major.Value.TryFormat(destination, out var number, decimals, CultureInfo.InvariantCulture)
                || !destination[number..].TryWrite(CultureInfo.InvariantCulture, $" {Currency} (txamt {Minor})", out var rest))
                return false;

            charsWritten = number + rest;
            return true;
        }

        public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{this}");
    }
}
