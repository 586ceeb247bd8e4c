namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;

/// <summary>
/// How the plugin treats one <c>respcd</c>: the outcome, a locale resource key for shopper/admin text,
/// and an English description to seed that resource with.
/// </summary>
/// <param name="Code">The raw code as QFPay sent it (kept even when it is not in the table).</param>
/// <param name="Outcome">What to do next.</param>
/// <param name="MessageKey">e.g. <c>Plugins.Payments.QfPayAlipay.Codes.1265.TimeWindow</c>.</param>
/// <param name="Description">English text for admins; the default value of the resource.</param>
/// <param name="IsDocumented">False for codes QFPay has not documented (and for 2999, whose meaning is not documented).</param>
public sealed record ResponseCodeInfo(string Code, QfPayOutcome Outcome, string MessageKey, string Description, bool IsDocumented = true)
{
    public bool IsSuccess => Outcome == QfPayOutcome.Success;

    /// <summary>Resolve with a query before anything else.</summary>
    public bool RequiresQuery => Outcome is QfPayOutcome.InProgress or QfPayOutcome.Unknown;
}
