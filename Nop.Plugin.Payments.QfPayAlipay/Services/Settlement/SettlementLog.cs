using System.Globalization;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

/// <summary>
/// The identifying part of every settlement log line and note: order, out_trade_no, syssn. No secrets.
/// </summary>
internal static class SettlementLog
{
    public static SubjectText Subject(QfPayPaymentAttempt? attempt, PaidFact fact) => new(attempt?.OrderId, fact.OutTradeNo, fact.Syssn);

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
}
