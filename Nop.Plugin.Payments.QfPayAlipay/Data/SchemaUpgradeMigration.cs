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
            Alter.Table(nameof(QfPayPaymentAttempt)).AddColumn(nameof(QfPayPaymentAttempt.ExpiresOnUtc)).AsDateTime2().Nullable();

        if (!Schema.Table(nameof(QfPayPaymentAttempt)).Column(nameof(QfPayPaymentAttempt.ChargedOrderTotal)).Exists())
            Alter.Table(nameof(QfPayPaymentAttempt)).AddColumn(nameof(QfPayPaymentAttempt.ChargedOrderTotal)).AsDecimal(18, 4).Nullable();

        if (!Schema.Table(nameof(QfPayPaymentAttempt)).Index(PaymentSchemaMigration.OrderAttemptIndex).Exists())
            PaymentSchemaMigration.CreateOrderAttemptIndex(Create);

        if (!Schema.Table(nameof(QfPayIntegrationEvent)).Column(nameof(QfPayIntegrationEvent.Occurrences)).Exists())
            Alter.Table(nameof(QfPayIntegrationEvent)).AddColumn(nameof(QfPayIntegrationEvent.Occurrences)).AsInt32().NotNullable().WithDefaultValue(0);

        if (!Schema.Table(nameof(QfPaySettlementClaim)).Column(nameof(QfPaySettlementClaim.HolderToken)).Exists())
            Alter.Table(nameof(QfPaySettlementClaim)).AddColumn(nameof(QfPaySettlementClaim.HolderToken)).AsString(QfPaySettlementClaim.HolderTokenMaxLength).Nullable();
    }

    public override void Down()
    {
    }
}
