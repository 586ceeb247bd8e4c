using FluentMigrator.Builders.Create.Table;
using Nop.Core;

namespace Nop.Data.Mapping.Builders;

/// <summary>
/// Reference surface (complete): base of entity-to-table mappings; a plugin derives one per table it owns.
/// </summary>
public abstract partial class NopEntityBuilder<TEntity> : IEntityBuilder where TEntity : BaseEntity
{
    public abstract void MapEntity(CreateTableExpressionBuilder table);
}
