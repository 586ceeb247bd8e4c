using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// Creates the attempt and claim tables when the plugin is installed; nopCommerce runs the reverse (drop) on
/// uninstall (docs/nopcommerce.md Appendix C). The unique indexes are the point of the schema: one row per out_trade_no, one
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

/// <summary>
/// Creates the refund and work-claim tables on install; nopCommerce runs the reverse (drop) on uninstall
/// (docs/nopcommerce.md Appendix C). The unique indexes carry the guarantees: one row per refund out_trade_no, one refund
/// number per payment and sequence (refunds of a payment are serialised), and one holder per work claim.
/// </summary>
[NopMigration("2026-11-25 12:20:00", "Payments.QfPayAlipay refunds and reconciliation claims", MigrationProcessType.Installation)]
public class RefundSchemaMigration : AutoReversingMigration
{
    public const string OutTradeNoIndex = "UX_QfPayRefund_OutTradeNo";
    public const string PaymentSequenceIndex = "UX_QfPayRefund_PaymentAttemptId_Sequence";
    public const string OrderIdIndex = "IX_QfPayRefund_OrderId";
    public const string ClaimKeyIndex = "UX_QfPayWorkClaim_ClaimKey";
    public const string SubjectIndex = "IX_QfPayWorkClaim_KindId_SubjectId";

    public override void Up()
    {
        Create.TableFor<QfPayRefund>();
        Create.TableFor<QfPayWorkClaim>();

        Create.Index(OutTradeNoIndex).OnTable(nameof(QfPayRefund))
            .OnColumn(nameof(QfPayRefund.OutTradeNo)).Ascending()
            .WithOptions().Unique();

        Create.Index(PaymentSequenceIndex).OnTable(nameof(QfPayRefund))
            .OnColumn(nameof(QfPayRefund.PaymentAttemptId)).Ascending()
            .OnColumn(nameof(QfPayRefund.Sequence)).Ascending()
            .WithOptions().Unique();

        Create.Index(OrderIdIndex).OnTable(nameof(QfPayRefund))
            .OnColumn(nameof(QfPayRefund.OrderId)).Ascending();

        Create.Index(ClaimKeyIndex).OnTable(nameof(QfPayWorkClaim))
            .OnColumn(nameof(QfPayWorkClaim.ClaimKey)).Ascending()
            .WithOptions().Unique();

        Create.Index(SubjectIndex).OnTable(nameof(QfPayWorkClaim))
            .OnColumn(nameof(QfPayWorkClaim.KindId)).Ascending()
            .OnColumn(nameof(QfPayWorkClaim.SubjectId)).Ascending();
    }
}

/// <summary>
/// Creates the health log table on install. nopCommerce runs the down migration on uninstall, which drops it
/// (docs/nopcommerce.md Appendix C), so the uninstaller does not touch the table itself.
/// </summary>
[NopMigration("2026-11-25 12:10:00", "Payments.QfPayAlipay integration health log", MigrationProcessType.Installation)]
public class HealthSchemaMigration : AutoReversingMigration
{
    public override void Up()
    {
        Create.TableFor<QfPayIntegrationEvent>();

        // The report and the pruning both look events up by time.
        Create.Index("IX_QfPayIntegrationEvent_OccurredOnUtc")
            .OnTable(nameof(QfPayIntegrationEvent))
            .OnColumn(nameof(QfPayIntegrationEvent.OccurredOnUtc)).Ascending();
    }
}
