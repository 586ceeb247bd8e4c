namespace Nop.Data.Configuration;

/// <summary>Reference surface (subset): the database settings of the store.</summary>
public partial class DataConfig
{
    public DataProviderType DataProvider { get; set; }
}
