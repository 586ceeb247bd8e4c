namespace Nop.Core.Domain.Tax;

/// <summary>Reference surface (complete): whether prices are shown with or without tax.</summary>
public enum TaxDisplayType
{
    IncludingTax = 0,
    ExcludingTax = 10
}
