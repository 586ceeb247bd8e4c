namespace Nop.Core.Domain.Localization;

/// <summary>Reference surface (subset): a store language.</summary>
public partial class Language : BaseEntity
{
    public string Name { get; set; }

    public string LanguageCulture { get; set; }

    public string UniqueSeoCode { get; set; }

    public bool Published { get; set; }
}
