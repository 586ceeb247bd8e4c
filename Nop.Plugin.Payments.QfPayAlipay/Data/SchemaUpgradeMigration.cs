using System.Data;
using System.Globalization;
using FluentMigrator;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// Version 1.1 on a store that installed 1.0: the columns that keep each attempt's own expiry and charged total, a
/// claim's holder, how many events a health row stands for, and the index that lets one request at a time start a
/// payment of an order. A new install creates them with the tables (the installation migrations map every property), so
/// each column is added only where it is missing. Nothing to undo: uninstalling drops the tables.
/// </summary>
[NopMigration("2026-12-06 12:00:00", "Payments.QfPayAlipay 1.1 attempt expiry, charged total and claim holder", MigrationProcessType.Update)]
public class SchemaUpgradeMigration : Migration
{
    public override void Up()
    {
        if (!Schema.Table(nameof(QfPayPaymentAttempt)).Column(nameof(QfPayPaymentAttempt.ExpiresOnUtc)).Exists())
        {
            // A new install gets nopCommerce's date type for the engine: datetime(6) on MySQL/MariaDB, whose plain
            // datetime would drop the fractions of a second every other date column keeps.
            IfDatabase(IsMySql).Alter.Table(nameof(QfPayPaymentAttempt)).AddColumn(nameof(QfPayPaymentAttempt.ExpiresOnUtc)).AsCustom("datetime(6)").Nullable();
            IfDatabase(type => !IsMySql(type)).Alter.Table(nameof(QfPayPaymentAttempt)).AddColumn(nameof(QfPayPaymentAttempt.ExpiresOnUtc)).AsDateTime2().Nullable();
        }

        if (!Schema.Table(nameof(QfPayPaymentAttempt)).Column(nameof(QfPayPaymentAttempt.ChargedOrderTotal)).Exists())
            Alter.Table(nameof(QfPayPaymentAttempt)).AddColumn(nameof(QfPayPaymentAttempt.ChargedOrderTotal)).AsDecimal(18, 4).Nullable();

        if (!Schema.Table(nameof(QfPayPaymentAttempt)).Index(PaymentSchemaMigration.OrderAttemptIndex).Exists())
        {
            // 1.0 numbered attempts without this index, so two requests at once may have given an order one number
            // twice. Those get the order's next free numbers first; otherwise the index, and with it the update, fails.
            IfDatabase(IsMySql).Execute.WithConnection((connection, transaction) => RenumberRepeatedAttempts(connection, transaction, SqlDialect.Backticks));
            IfDatabase(type => !IsMySql(type)).Execute.WithConnection((connection, transaction) => RenumberRepeatedAttempts(connection, transaction, SqlDialect.DoubleQuotes));
            PaymentSchemaMigration.CreateOrderAttemptIndex(Create);
        }

        if (!Schema.Table(nameof(QfPayIntegrationEvent)).Column(nameof(QfPayIntegrationEvent.Occurrences)).Exists())
            Alter.Table(nameof(QfPayIntegrationEvent)).AddColumn(nameof(QfPayIntegrationEvent.Occurrences)).AsInt32().NotNullable().WithDefaultValue(0);

        if (!Schema.Table(nameof(QfPaySettlementClaim)).Column(nameof(QfPaySettlementClaim.HolderToken)).Exists())
            Alter.Table(nameof(QfPaySettlementClaim)).AddColumn(nameof(QfPaySettlementClaim.HolderToken)).AsString(QfPaySettlementClaim.HolderTokenMaxLength).Nullable();
    }

    /// <summary>
    /// Gives every attempt that repeats its order's attempt number the order's next free number; the first of each
    /// number (lowest Id) keeps it. The number only orders an order's attempts: QFPay knows them by out_trade_no, which
    /// does not change.
    /// </summary>
    internal static void RenumberRepeatedAttempts(IDbConnection connection, IDbTransaction transaction, SqlDialect dialect)
    {
        var table = dialect.Quote(nameof(QfPayPaymentAttempt));
        var id = dialect.Quote(nameof(QfPayPaymentAttempt.Id));
        var orderId = dialect.Quote(nameof(QfPayPaymentAttempt.OrderId));
        var number = dialect.Quote(nameof(QfPayPaymentAttempt.AttemptNumber));

        var rows = new List<(int Id, int OrderId, int Number)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = $"SELECT {id}, {orderId}, {number} FROM {table} ORDER BY {orderId}, {number}, {id}";
            using var reader = select.ExecuteReader();
            while (reader.Read())
                rows.Add((Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                    Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }

        foreach (var order in rows.GroupBy(static row => row.OrderId))
        {
            var next = order.Max(static row => row.Number);
            foreach (var repeated in order.GroupBy(static row => row.Number).SelectMany(static same => same.Skip(1)))
            {
                using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = $"UPDATE {table} SET {number} = @number WHERE {id} = @id";
                update.Parameters.Add(Parameter(update, "number", ++next));
                update.Parameters.Add(Parameter(update, "id", repeated.Id));
                update.ExecuteNonQuery();
            }
        }
    }

    private static IDbDataParameter Parameter(IDbCommand command, string name, int value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = DbType.Int32;
        parameter.Value = value;
        return parameter;
    }

    private static bool IsMySql(string databaseType) =>
        databaseType.StartsWith("MySql", StringComparison.OrdinalIgnoreCase) || databaseType.StartsWith("MariaDB", StringComparison.OrdinalIgnoreCase);

    public override void Down()
    {
    }
}
