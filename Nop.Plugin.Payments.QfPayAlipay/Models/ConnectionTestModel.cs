using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.QfPayAlipay.Models;

/// <summary>The translated outcome of "Test connection".</summary>
public record ConnectionTestModel : BaseNopModel
{
    public bool Succeeded { get; set; }

    public string Message { get; set; } = string.Empty;

    /// <summary>The input on the configure page to correct after a failure, or null when nothing there can fix it.</summary>
    public string? FixFieldId { get; set; }

    public string? FixText { get; set; }
}
