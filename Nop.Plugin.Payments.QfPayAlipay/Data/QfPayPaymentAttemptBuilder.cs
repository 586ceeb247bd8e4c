using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// Columns that need more than nopCommerce's defaults (strings default to nvarchar(max) NULL, which SQL Server
/// cannot index). The rest (ints, long, dates, nullable dates) is mapped by type when the table is created,
/// which also picks each database's precise date type. Only the basic
/// WithColumn/As*/Nullable syntax is used: it exists in FluentMigrator 7.1 (nopCommerce 4.90.6) and 8.0 alike
/// (PLUGIN-API.md Appendix C).
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
