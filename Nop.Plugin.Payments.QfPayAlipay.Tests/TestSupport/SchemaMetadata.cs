using System.Reflection;
using FluentMigrator.Builders.Create.Table;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using FluentMigrator.Model;
using Moq;
using Nop.Data.Mapping.Builders;
using Nop.Data.Migrations;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// The plugin's schema as nopCommerce sees it, read without a database: the columns an entity builder maps, and the
/// arguments of a migration's <see cref="NopMigrationAttribute"/>.
/// </summary>
public static class SchemaMetadata
{
    /// <summary>The columns <paramref name="builder"/> maps for <paramref name="table"/>, by name.</summary>
    public static Dictionary<string, ColumnDefinition> ColumnsMappedBy(IEntityBuilder builder, string table)
    {
        var expression = new CreateTableExpression { TableName = table };
        builder.MapEntity(new CreateTableExpressionBuilder(expression, new Mock<IMigrationContext>().Object));
        return expression.Columns.ToDictionary(static c => c.Name);
    }

    /// <summary>
    /// The migration's attribute as metadata: its constructor arguments (timestamp, process type) are what nopCommerce
    /// reads at run time, and the attribute exposes them only this way.
    /// </summary>
    public static CustomAttributeData NopMigrationOf(Type migration) =>
        migration.GetCustomAttributesData().Single(static a => a.AttributeType == typeof(NopMigrationAttribute));
}
