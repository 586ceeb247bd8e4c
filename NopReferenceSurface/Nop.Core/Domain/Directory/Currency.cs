using Nop.Core.Domain.Localization;

namespace Nop.Core.Domain.Directory;

/// <summary>Reference surface (subset): a currency and its rate against the primary exchange-rate currency.</summary>
public partial class Currency : BaseEntity, ILocalizedEntity
{
    public string Name { get; set; }

    public string CurrencyCode { get; set; }

    public decimal Rate { get; set; }

    public bool Published { get; set; }
}
