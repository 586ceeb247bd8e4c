using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// Creates the attempt and claim tables when the plugin is installed; nopCommerce runs the reverse (drop) on
/// uninstall (PLUGIN-API.md Appendix C). The unique indexes are the point of the schema: one row per out_trade_no, one
/// attempt per order and number, and one holder per claim key (one order, one charge). On PostgreSQL string columns are citext, so both indexes ignore
/// case (Appendix D); out_trade_no and claim keys never rely on case to differ.
/// </summary>
[NopMigration("2026-11-25 12:00:00", "Payments.QfPayAlipay payment attempts", MigrationProcessType.Installation)]
public class PaymentSchemaMigration : AutoReversingMigration
{
    public const string OutTradeNoIndex = "UX_QfPayPaymentAttempt_OutTradeNo";
    public const string OrderIdIndex = "IX_QfPayPaymentAttempt_OrderId";
    public const string ClaimKeyIndex = "UX_QfPaySettlementClaim_ClaimKey";
    public const string OrderAttemptIndex = "UX_QfPayPaymentAttempt_OrderId_AttemptNumber";

    public override void Up()
    {
        Create.TableFor<QfPayPaymentAttempt>();
        Create.TableFor<QfPaySettlementClaim>();

        Create.Index(OutTradeNoIndex).OnTable(nameof(QfPayPaymentAttempt))
            .OnColumn(nameof(QfPayPaymentAttempt.OutTradeNo)).Ascending()
            .WithOptions().Unique();

        Create.Index(OrderIdIndex).OnTable(nameof(QfPayPaymentAttempt))
            .OnColumn(nameof(QfPayPaymentAttempt.OrderId)).Ascending();

        CreateOrderAttemptIndex(Create);

        Create.Index(ClaimKeyIndex).OnTable(nameof(QfPaySettlementClaim))
            .OnColumn(nameof(QfPaySettlementClaim.ClaimKey)).Ascending()
            .WithOptions().Unique();
    }

    /// <summary>
    /// One attempt number per order: two requests starting a payment of the same order at once (two tabs, two web
    /// nodes) both compute the same next number, and the index lets only one of them start a QFPay payment.
    /// </summary>
    internal static void CreateOrderAttemptIndex(FluentMigrator.Builders.Create.ICreateExpressionRoot create) =>
        create.Index(OrderAttemptIndex).OnTable(nameof(QfPayPaymentAttempt))
            .OnColumn(nameof(QfPayPaymentAttempt.OrderId)).Ascending()
            .OnColumn(nameof(QfPayPaymentAttempt.AttemptNumber)).Ascending()
            .WithOptions().Unique();
}
