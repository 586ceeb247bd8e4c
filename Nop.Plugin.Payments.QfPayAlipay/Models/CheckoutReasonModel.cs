using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.QfPayAlipay.Models;

/// <summary>
/// One reason on the configure page why shoppers do not see the method (or why some of them do not), with a link to
/// where it is fixed: another admin page (<see cref="FixController"/>/<see cref="FixAction"/>) or a field of this page
/// (<see cref="FixFieldId"/>).
/// </summary>
public record CheckoutReasonModel : BaseNopModel
{
    public string Text { get; set; } = string.Empty;

    /// <summary>The link's text; null when there is nothing to fix (a limit of Alipay's).</summary>
    public string? FixText { get; set; }

    /// <summary>The admin area controller of the page where it is fixed, e.g. "Currency".</summary>
    public string? FixController { get; set; }

    public string? FixAction { get; set; }

    /// <summary>The route's id, e.g. the currency to edit.</summary>
    public int? FixId { get; set; }

    /// <summary>The id of the input on this page where it is fixed, e.g. "ChargeCurrency".</summary>
    public string? FixFieldId { get; set; }
}
