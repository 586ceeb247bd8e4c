using Nop.Core.Configuration;

namespace Nop.Core.Domain.Directory;

/// <summary>Reference surface (complete): currency settings.</summary>
public partial class CurrencySettings : ISettings
{
    public bool DisplayCurrencyLabel { get; set; }

    public int PrimaryStoreCurrencyId { get; set; }

    public int PrimaryExchangeRateCurrencyId { get; set; }

    public string ActiveExchangeRateProviderSystemName { get; set; }

    public bool AutoUpdateEnabled { get; set; }

    public bool DisplayCurrencySymbolInCurrencySelector { get; set; }
}
