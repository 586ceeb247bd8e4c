using Nop.Core.Domain.Common;
using Nop.Core.Domain.Localization;

namespace Nop.Core.Domain.Stores;

/// <summary>Reference surface (subset): a store of a multi-store installation.</summary>
public partial class Store : BaseEntity, ILocalizedEntity, ISoftDeletedEntity
{
    public string Name { get; set; }

    public string Url { get; set; }

    public bool SslEnabled { get; set; }

    public int DefaultLanguageId { get; set; }

    public bool Deleted { get; set; }
}
