using System.ComponentModel.DataAnnotations.Schema;
using System.Data;
using System.Reflection;
using FluentMigrator.Builders.Create;
using FluentMigrator.Builders.Create.Table;
using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using FluentMigrator.Model;
using Moq;
using Nop.Core;
using Nop.Data.Mapping.Builders;
using Nop.Plugin.Payments.QfPayAlipay.Data;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>
/// The tests' model of nopCommerce 4.90.6's <c>FluentMigratorExtensions.TableFor&lt;TEntity&gt;</c> and
/// <c>RetrieveTableExpressions</c> (src/Libraries/Nop.Data/Extensions/FluentMigratorExtensions.cs), written from what that
/// code does: the table is named after the entity type; the entity's builder maps its columns first; an identity primary
/// key <c>Id</c> is added unless the builder declared one; every other public settable property the builder did not map
/// becomes a column by its type (int, long, bool, decimal(18,4), DateTime with precision 6 in the engine's own type,
/// byte[], Guid; strings unbounded and nullable; Nullable&lt;T&gt; nullable). Enum properties (Status over StatusId) are
/// no column, because the type rules do not list them.
/// </summary>
/// <remarks>
/// The plugin's migrations call the reference surface's TableFor, which hands the call here (the surface's internal
/// <c>TableMapping</c>). nopCommerce picks the DateTime type by the store's engine (AsNopDateTime2), so the mapping is
/// done for the engine whose schema is being created (<see cref="CurrentEngine"/>).
/// </remarks>
public static class NopTableMapping
{
    private const int DateTimePrecision = 6;

    private static readonly AsyncLocal<EngineKind?> Engine = new();

    /// <summary>The engine whose tables the plugin's migrations are creating now; the mapping depends on it.</summary>
    public static EngineKind? CurrentEngine
    {
        get => Engine.Value;
        set => Engine.Value = value;
    }

    /// <summary>Plugs this model into the reference surface's TableFor (idempotent).</summary>
    public static void Install() =>
        Nop.Data.Extensions.FluentMigratorExtensions.TableMapping = static (root, entity) =>
            Map(root, entity, CurrentEngine ?? throw new InvalidOperationException("No engine set: run the plugin's migrations through PluginSchema."));

    /// <summary>What <c>Create.TableFor&lt;TEntity&gt;()</c> does on <paramref name="engine"/>.</summary>
    public static void Map(ICreateExpressionRoot root, Type entity, EngineKind engine)
    {
        var builder = root.Table(entity.Name) as CreateTableExpressionBuilder
            ?? throw new InvalidOperationException("FluentMigrator's Create.Table no longer returns a CreateTableExpressionBuilder.");
        RetrieveTableExpressions(builder, entity, engine);
    }

    /// <summary>
    /// The columns nopCommerce's mapping derives for <paramref name="entity"/> without a database (NopMappingSchema does the
    /// same with a null migration context): what linq2db is told about each column (type, length, nullability, identity).
    /// </summary>
    public static IReadOnlyList<ColumnDefinition> ColumnsOf(Type entity, EngineKind engine)
    {
        var expression = new CreateTableExpression { TableName = entity.Name };
        var builder = new CreateTableExpressionBuilder(expression, new Mock<IMigrationContext>().Object);
        RetrieveTableExpressions(builder, entity, engine);
        return expression.Columns.ToList();
    }

    private static void RetrieveTableExpressions(CreateTableExpressionBuilder builder, Type entity, EngineKind engine)
    {
        // nopCommerce finds the builder among all loaded types (ITypeFinder) and creates it unregistered; the plugin's
        // builders live beside its entities and have parameterless constructors.
        var builderType = typeof(PaymentSchemaMigration).Assembly.GetTypes()
            .FirstOrDefault(t => typeof(IEntityBuilder).IsAssignableFrom(t) && !t.IsAbstract
                && (t.BaseType?.GetGenericArguments().Contains(entity) ?? false));
        if (builderType is not null)
            ((IEntityBuilder)Activator.CreateInstance(builderType)!).MapEntity(builder);

        var expression = builder.Expression;
        if (!expression.Columns.Any(static c => c.IsPrimaryKey))
        {
            var key = new ColumnDefinition
            {
                Name = nameof(BaseEntity.Id),
                Type = DbType.Int32,
                IsIdentity = true,
                TableName = entity.Name,
                ModificationType = ColumnModificationType.Create,
                IsPrimaryKey = true,
            };
            expression.Columns.Insert(0, key);
            builder.CurrentColumn = key;
        }

        var unmapped = entity.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.SetProperty)
            .Where(p => p.DeclaringType != typeof(BaseEntity) && p.CanWrite
                && p.GetCustomAttribute<NotMappedAttribute>() is null
                && !expression.Columns.Any(c => c.Name.Equals(p.Name, StringComparison.OrdinalIgnoreCase))
                && IsMappedType(Unwrap(p.PropertyType).Type))
            .ToList();

        foreach (var property in unmapped)
        {
            var (type, nullable) = Unwrap(property.PropertyType);
            var column = builder.WithColumn(property.Name);
            MapType(column, type, engine);
            if (type == typeof(DateTime))
                builder.CurrentColumn.Precision = DateTimePrecision;
            if (nullable || type == typeof(string) || type == typeof(byte[]))
                builder.Nullable();
        }
    }

    private static (Type Type, bool Nullable) Unwrap(Type type) =>
        Nullable.GetUnderlyingType(type) is { } underlying ? (underlying, true) : (type, false);

    private static bool IsMappedType(Type type) =>
        type == typeof(int) || type == typeof(long) || type == typeof(string) || type == typeof(bool) || type == typeof(decimal)
        || type == typeof(DateTime) || type == typeof(byte[]) || type == typeof(Guid);

    private static void MapType(ICreateTableColumnAsTypeSyntax column, Type type, EngineKind engine)
    {
        if (type == typeof(int))
            column.AsInt32();
        else if (type == typeof(long))
            column.AsInt64();
        else if (type == typeof(string))
            column.AsString(int.MaxValue).Nullable();
        else if (type == typeof(bool))
            column.AsBoolean();
        else if (type == typeof(decimal))
            column.AsDecimal(18, 4);
        else if (type == typeof(DateTime))
            AsNopDateTime2(column, engine);
        else if (type == typeof(byte[]))
            column.AsBinary(int.MaxValue);
        else
            column.AsGuid();
    }

    /// <summary>
    /// nopCommerce's AsNopDateTime2: datetime(6) on MySQL/MariaDB, datetime2(6) on SQL Server, FluentMigrator's DateTime2
    /// elsewhere (timestamp on PostgreSQL). SQLite is no nopCommerce engine; it takes the "elsewhere" branch.
    /// </summary>
    private static void AsNopDateTime2(ICreateTableColumnAsTypeSyntax column, EngineKind engine)
    {
        if (engine == EngineKind.MariaDb)
            column.AsCustom($"datetime({DateTimePrecision})");
        else
            column.AsDateTime2();
    }
}
