using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// Columns that need more than nopCommerce's defaults (strings default to nvarchar(max) NULL, which SQL Server
/// cannot index). The rest (ints, long, dates, nullable dates) is mapped by type when the table is created,
/// which also picks each database's precise date type. Only the basic
/// WithColumn/As*/Nullable syntax is used: it exists in FluentMigrator 7.1 (nopCommerce 4.90.6) and 8.0 alike
/// (docs/nopcommerce.md Appendix C).
/// </summary>
public class QfPayPaymentAttemptBuilder : NopEntityBuilder<QfPayPaymentAttempt>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(QfPayPaymentAttempt.OutTradeNo)).AsString(64).NotNullable()
            .WithColumn(nameof(QfPayPaymentAttempt.CurrencyCode)).AsString(3).NotNullable()
            .WithColumn(nameof(QfPayPaymentAttempt.Syssn)).AsString(64).Nullable()
            .WithColumn(nameof(QfPayPaymentAttempt.PayUrl)).AsString(1024).Nullable()
            .WithColumn(nameof(QfPayPaymentAttempt.LastResponseCode)).AsString(16).Nullable()
            .WithColumn(nameof(QfPayPaymentAttempt.LastMessage)).AsString(512).Nullable();
    }
}

/// <summary>Bounded, non-null key (it carries the unique index); see <see cref="QfPayPaymentAttemptBuilder"/> for the rest.</summary>
public class QfPaySettlementClaimBuilder : NopEntityBuilder<QfPaySettlementClaim>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(QfPaySettlementClaim.ClaimKey)).AsString(SettlementClaimKeys.MaxLength).NotNullable()
            .WithColumn(nameof(QfPaySettlementClaim.Syssn)).AsString(64).NotNullable()
            .WithColumn(nameof(QfPaySettlementClaim.HolderToken)).AsString(QfPaySettlementClaim.HolderTokenMaxLength).Nullable();
    }
}

/// <summary>
/// Bounded string columns (the indexed ones must be, on SQL Server); ints, longs, the decimal, the bool and the dates
/// are mapped by type when the table is created. Basic FluentMigrator syntax only (docs/nopcommerce.md Appendix C).
/// </summary>
public class QfPayRefundBuilder : NopEntityBuilder<QfPayRefund>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(QfPayRefund.PaymentSyssn)).AsString(64).NotNullable()
            .WithColumn(nameof(QfPayRefund.OutTradeNo)).AsString(64).NotNullable()
            .WithColumn(nameof(QfPayRefund.CurrencyCode)).AsString(3).NotNullable()
            .WithColumn(nameof(QfPayRefund.RefundSyssn)).AsString(64).Nullable()
            .WithColumn(nameof(QfPayRefund.LastResponseCode)).AsString(16).Nullable()
            .WithColumn(nameof(QfPayRefund.LastMessage)).AsString(512).Nullable();
    }
}

/// <summary>Bounded, non-null key (it carries the unique index); the other columns are mapped by type.</summary>
public class QfPayWorkClaimBuilder : NopEntityBuilder<QfPayWorkClaim>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(QfPayWorkClaim.ClaimKey)).AsString(QfPayWorkClaim.ClaimKeyMaxLength).NotNullable();
    }
}

/// <summary>
/// Column details nopCommerce cannot infer; the other columns (StoreId, KindId, OccurredOnUtc) are mapped from
/// the entity's properties by nopCommerce's TableFor. Only basic FluentMigrator syntax is used, because the
/// host's FluentMigrator version differs from the one compiled against (docs/nopcommerce.md Appendix C).
/// </summary>
public class QfPayIntegrationEventBuilder : NopEntityBuilder<QfPayIntegrationEvent>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(QfPayIntegrationEvent.Detail)).AsString(QfPayIntegrationEvent.DetailMaxLength).Nullable();
    }
}
