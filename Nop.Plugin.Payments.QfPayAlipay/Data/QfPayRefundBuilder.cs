using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// Bounded string columns (the indexed ones must be, on SQL Server); ints, longs, the decimal, the bool and the dates
/// are mapped by type when the table is created. Basic FluentMigrator syntax only (PLUGIN-API.md Appendix C).
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
