using System.Reflection;
using FluentMigrator;
using Nop.Data.Mapping.Builders;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Data;

[TestFixture]
public class PaymentSchemaMigrationTests
{
    [Test]
    public void The_tables_come_with_the_plugin_and_go_with_it()
    {
        var attribute = SchemaMetadata.NopMigrationOf(typeof(PaymentSchemaMigration));

        Assert.Multiple(() =>
        {
            Assert.That(typeof(PaymentSchemaMigration).IsSubclassOf(typeof(AutoReversingMigration)), Is.True, "uninstall runs the reverse: drop");
            Assert.That(attribute.ConstructorArguments[0].Value, Is.EqualTo("2026-11-25 12:00:00"));
            Assert.That(attribute.ConstructorArguments[2].Value, Is.EqualTo((int)MigrationProcessType.Installation));
        });
    }

    [Test]
    public void Every_migration_of_the_plugin_has_its_own_timestamp()
    {
        var timestamps = typeof(PaymentSchemaMigration).Assembly.GetTypes()
            .Select(t => t.GetCustomAttributesData().SingleOrDefault(a => a.AttributeType == typeof(NopMigrationAttribute)))
            .Where(a => a is not null)
            .Select(a => (string)a!.ConstructorArguments[0].Value!)
            .ToList();

        Assert.That(timestamps, Is.Unique);
    }

    [Test]
    public void The_attempt_table_bounds_the_indexed_out_trade_no_and_keeps_syssn_nullable()
    {
        var columns = SchemaMetadata.ColumnsMappedBy(new QfPayPaymentAttemptBuilder(), nameof(QfPayPaymentAttempt));

        Assert.Multiple(() =>
        {
            Assert.That((columns["OutTradeNo"].Size, columns["OutTradeNo"].IsNullable), Is.EqualTo(((int?)64, (bool?)false)),
                "a unique index needs a bounded, non-null column on SQL Server");
            Assert.That(columns["Syssn"].IsNullable, Is.True, "unknown until QFPay answers; its uniqueness lives in the claim table");
            Assert.That(columns["CurrencyCode"].Size, Is.EqualTo(3));
            Assert.That(columns.Values.Where(c => c.Type is System.Data.DbType.String).Select(c => c.Size), Is.All.Not.Null.And.All.LessThanOrEqualTo(1024));
        });
    }

    [Test]
    public void The_claim_key_is_bounded_and_required_because_its_unique_index_is_the_guarantee()
    {
        var columns = SchemaMetadata.ColumnsMappedBy(new QfPaySettlementClaimBuilder(), nameof(QfPaySettlementClaim));

        Assert.That((columns["ClaimKey"].Size, columns["ClaimKey"].IsNullable), Is.EqualTo(((int?)SettlementClaimKeys.MaxLength, (bool?)false)));
    }

    [Test]
    public void A_claim_key_for_the_longest_syssn_fits_the_column()
    {
        var syssn = new string('9', 40);

        Assert.That(SettlementClaimKeys.Mismatch(syssn).Length, Is.LessThanOrEqualTo(SettlementClaimKeys.MaxLength));
        Assert.That(SettlementClaimKeys.Order(int.MaxValue).Length, Is.LessThanOrEqualTo(SettlementClaimKeys.MaxLength));
    }

    [Test]
    public void Both_entities_have_builders_so_nopcommerce_maps_them()
    {
        Assert.Multiple(() =>
        {
            Assert.That(typeof(QfPayPaymentAttemptBuilder).IsSubclassOf(typeof(NopEntityBuilder<QfPayPaymentAttempt>)), Is.True);
            Assert.That(typeof(QfPaySettlementClaimBuilder).IsSubclassOf(typeof(NopEntityBuilder<QfPaySettlementClaim>)), Is.True);
        });
    }
}
