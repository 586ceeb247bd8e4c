using FluentMigrator;
using Nop.Data.Mapping.Builders;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Data;

/// <summary>The refund and work-claim tables: created on install, dropped on uninstall, with their unique indexes bounded.</summary>
public class RefundSchemaMigrationTests
{
    [Test]
    public void The_tables_come_with_the_plugin_and_go_with_it_under_their_own_timestamp()
    {
        var attribute = SchemaMetadata.NopMigrationOf(typeof(RefundSchemaMigration));

        Assert.Multiple(() =>
        {
            Assert.That(typeof(RefundSchemaMigration).IsSubclassOf(typeof(AutoReversingMigration)), Is.True);
            Assert.That(attribute.ConstructorArguments[0].Value, Is.EqualTo("2026-11-25 12:20:00"));
            Assert.That(attribute.ConstructorArguments[2].Value, Is.EqualTo((int)MigrationProcessType.Installation));
        });
    }

    [Test]
    public void The_refund_table_bounds_its_indexed_number_and_keeps_the_refund_syssn_nullable()
    {
        var columns = SchemaMetadata.ColumnsMappedBy(new QfPayRefundBuilder(), nameof(QfPayRefund));

        Assert.Multiple(() =>
        {
            Assert.That((columns["OutTradeNo"].Size, columns["OutTradeNo"].IsNullable), Is.EqualTo(((int?)64, (bool?)false)));
            Assert.That((columns["PaymentSyssn"].Size, columns["PaymentSyssn"].IsNullable), Is.EqualTo(((int?)64, (bool?)false)));
            Assert.That(columns["RefundSyssn"].IsNullable, Is.True, "unknown until QFPay answers");
            Assert.That(columns["CurrencyCode"].Size, Is.EqualTo(3));
        });
    }

    [Test]
    public void The_claim_key_is_bounded_and_required_and_every_key_fits()
    {
        var columns = SchemaMetadata.ColumnsMappedBy(new QfPayWorkClaimBuilder(), nameof(QfPayWorkClaim));
        var longestSyssn = new string('9', 40);

        Assert.Multiple(() =>
        {
            Assert.That((columns["ClaimKey"].Size, columns["ClaimKey"].IsNullable), Is.EqualTo(((int?)QfPayWorkClaim.ClaimKeyMaxLength, (bool?)false)));
            Assert.That(WorkClaimKeys.Query(WorkClaimKind.QueryAttempt, int.MaxValue, int.MaxValue).Length, Is.LessThanOrEqualTo(QfPayWorkClaim.ClaimKeyMaxLength));
            Assert.That(WorkClaimKeys.ExternalRefundFlag(longestSyssn, "5").Length, Is.LessThanOrEqualTo(QfPayWorkClaim.ClaimKeyMaxLength));
            Assert.That(WorkClaimKeys.RefundMismatch(longestSyssn).Length, Is.LessThanOrEqualTo(QfPayWorkClaim.ClaimKeyMaxLength));
        });
    }

    [Test]
    public void Both_entities_have_builders_so_nopCommerce_maps_them()
    {
        Assert.Multiple(() =>
        {
            Assert.That(typeof(QfPayRefundBuilder).IsSubclassOf(typeof(NopEntityBuilder<QfPayRefund>)), Is.True);
            Assert.That(typeof(QfPayWorkClaimBuilder).IsSubclassOf(typeof(NopEntityBuilder<QfPayWorkClaim>)), Is.True);
        });
    }
}
