using Nop.Data;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// How the store's database quotes a table or column name in the plugin's few hand-written statements (the conditional
/// UPDATEs in <see cref="ConditionalUpdate"/>). nopCommerce creates the plugin's tables with quoted, case-preserving
/// names: double quotes on SQL Server, PostgreSQL (and SQLite, in the tests), backticks on MySQL and MariaDB.
/// Parameters are written <c>@name</c>, which every engine's ADO.NET driver understands.
/// </summary>
public sealed class SqlDialect
{
    public static SqlDialect DoubleQuotes { get; } = new('"', '"');

    public static SqlDialect Backticks { get; } = new('`', '`');

    private readonly char _open;
    private readonly char _close;

    private SqlDialect(char open, char close)
    {
        _open = open;
        _close = close;
    }

    /// <summary>The dialect of the engine the store runs on (nopCommerce's data settings).</summary>
    public static SqlDialect ForStore() => For(DataSettingsManager.LoadSettings().DataProvider);

    public static SqlDialect For(DataProviderType provider) => provider == DataProviderType.MySql ? Backticks : DoubleQuotes;

    /// <summary>A table or column name, quoted. Names are the plugin's own (entity and property names), never input.</summary>
    public string Quote(string name) => string.Concat(_open.ToString(), name, _close.ToString());
}
