using FluentMigrator.Builders.Create.Table;

namespace Nop.Data.Mapping.Builders;

/// <summary>Reference surface (complete): maps an entity to a table definition.</summary>
public partial interface IEntityBuilder
{
    void MapEntity(CreateTableExpressionBuilder table);
}
