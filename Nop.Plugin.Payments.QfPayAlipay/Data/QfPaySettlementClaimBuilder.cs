using FluentMigrator.Builders.Create.Table;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>Bounded, non-null key (it carries the unique index); see <see cref="QfPayPaymentAttemptBuilder"/> for the rest.</summary>
public class QfPaySettlementClaimBuilder : NopEntityBuilder<QfPaySettlementClaim>
{
    public override void MapEntity(CreateTableExpressionBuilder table)
    {
        table
            .WithColumn(nameof(QfPaySettlementClaim.ClaimKey)).AsString(SettlementClaimKeys.MaxLength).NotNullable()
            .WithColumn(nameof(QfPaySettlementClaim.Syssn)).AsString(64).NotNullable()
            .WithColumn(nameof(QfPaySettlementClaim.HolderToken)).AsString(QfPaySettlementClaim.HolderTokenMaxLength).Nullable();
    }
}
