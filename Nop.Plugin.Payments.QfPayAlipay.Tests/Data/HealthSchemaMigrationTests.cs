using System.Reflection;
using FluentMigrator;
using Nop.Data.Mapping.Builders;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Data;

public class HealthSchemaMigrationTests
{
    [Test]
    public void The_table_is_created_on_install_and_dropped_by_the_reversed_migration_on_uninstall()
    {
        var type = typeof(HealthSchemaMigration);

        Assert.Multiple(() =>
        {
            Assert.That(type.GetCustomAttribute<NopMigrationAttribute>(), Is.Not.Null);
            Assert.That(type.IsSubclassOf(typeof(AutoReversingMigration)), Is.True);
        });
    }

    [Test]
    public void The_migration_is_an_installation_migration_with_its_own_timestamp()
    {
        // The attribute's arguments are what nopCommerce reads at run time; read them from metadata.
        var attribute = SchemaMetadata.NopMigrationOf(typeof(HealthSchemaMigration));

        Assert.Multiple(() =>
        {
            Assert.That(attribute.ConstructorArguments[0].Value, Is.EqualTo("2026-11-25 12:10:00"));
            Assert.That(attribute.ConstructorArguments[2].Value, Is.EqualTo((int)MigrationProcessType.Installation));
        });
    }

    [Test]
    public void The_entity_has_a_builder_so_nopcommerce_maps_it()
    {
        Assert.That(typeof(QfPayIntegrationEventBuilder).IsSubclassOf(typeof(NopEntityBuilder<QfPayIntegrationEvent>)), Is.True);
    }
}
