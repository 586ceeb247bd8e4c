using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// Creates the refund and work-claim tables on install; nopCommerce runs the reverse (drop) on uninstall
/// (PLUGIN-API.md Appendix C). The unique indexes carry the guarantees: one row per refund out_trade_no, one refund
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
