namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

/// <summary>
/// A <c>start_time</c>/<c>end_time</c> pair for <c>/trade/v1/query</c>; QFPay requires both ends to lie in
/// one calendar month (API.md §7.2).
/// </summary>
public sealed record QueryWindow(DateTimeOffset Start, DateTimeOffset End)
{
    public string StartText => QfPayTime.ToQfPayText(Start);

    public string EndText => QfPayTime.ToQfPayText(End);

    public override string ToString() => $"{StartText} .. {EndText}";
}
