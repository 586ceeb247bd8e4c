using Nop.Web.Framework.Models;

namespace Nop.Plugin.Payments.QfPayAlipay.Models;

/// <summary>The translated outcome of "Test connection".</summary>
public record ConnectionTestModel : BaseNopModel
{
    public bool Succeeded { get; set; }

    public string Message { get; set; } = string.Empty;
}
