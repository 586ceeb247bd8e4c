using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>Bounded, non-null key (it carries the unique index); the other columns are mapped by type.</summary>
public class QfPayWorkClaimBuilder : NopEntityBuilder<QfPayWorkClaim>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(QfPayWorkClaim.ClaimKey)).AsString(QfPayWorkClaim.ClaimKeyMaxLength).NotNullable();
    }
}
