using FluentMigrator;
using Nop.Data.Extensions;
using Nop.Data.Migrations;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// Creates the health log table on install. nopCommerce runs the down migration on uninstall, which drops it
/// (PLUGIN-API.md Appendix C), so the uninstaller does not touch the table itself.
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
