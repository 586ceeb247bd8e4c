using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// Column details nopCommerce cannot infer; the other columns (StoreId, KindId, OccurredOnUtc) are mapped from
/// the entity's properties by nopCommerce's TableFor. Only basic FluentMigrator syntax is used, because the
/// host's FluentMigrator version differs from the one compiled against (PLUGIN-API.md Appendix C).
/// </summary>
public class QfPayIntegrationEventBuilder : NopEntityBuilder<QfPayIntegrationEvent>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(QfPayIntegrationEvent.Detail)).AsString(QfPayIntegrationEvent.DetailMaxLength).Nullable();
    }
}
