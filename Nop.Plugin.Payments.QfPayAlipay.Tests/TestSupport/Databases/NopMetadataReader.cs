using System.Collections.Concurrent;
using System.Data;
using System.Reflection;
using FluentMigrator.Model;
using LinqToDB;
using LinqToDB.Mapping;
using LinqToDB.Metadata;
using Nop.Core;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>
/// How nopCommerce 4.90.6 tells linq2db about an entity (Nop.Data/Mapping/FluentMigratorMetadataReader.cs): from the same
/// column list its migration creates the table with (<see cref="NopTableMapping.ColumnsOf"/>). The table is the entity's
/// name; only those columns are mapped (linq2db's TableAttribute requires a column attribute by default, so enum
/// wrappers such as Status stay unmapped); each column carries its nullability, length, precision, identity and a data
/// type from its DbType, where a column without one (a custom type, e.g. MySQL's datetime(6)) counts as a string, as
/// nopCommerce's descriptor does; an identity column names its PostgreSQL sequence "&lt;table&gt;_&lt;column&gt;_seq".
/// </summary>
public sealed class NopMetadataReader(EngineKind engine) : IMetadataReader
{
    private readonly ConcurrentDictionary<Type, IReadOnlyList<ColumnDefinition>> _columns = new();

    public MappingAttribute[] GetAttributes(Type type) =>
        type.IsSubclassOf(typeof(BaseEntity)) ? [new TableAttribute(type.Name)] : [];

    public MappingAttribute[] GetAttributes(Type type, MemberInfo memberInfo)
    {
        if (!type.IsSubclassOf(typeof(BaseEntity)) || memberInfo is not PropertyInfo { CanWrite: true })
            return [];

        var field = ColumnsOf(type).SingleOrDefault(c => c.Name.Equals(memberInfo.Name, StringComparison.OrdinalIgnoreCase));
        if (field is null)
            return [];

        var column = new ColumnAttribute
        {
            Name = field.Name,
            IsPrimaryKey = field.IsPrimaryKey,
            IsColumn = true,
            CanBeNull = field.IsNullable ?? false,
            Length = field.Size ?? 0,
            Precision = field.Precision ?? 0,
            IsIdentity = field.IsIdentity,
            DataType = DataTypeOf(field.Type ?? DbType.String),
        };
        return column.IsIdentity ? [column, new SequenceNameAttribute($"{type.Name}_{field.Name}_seq")] : [column];
    }

    public MemberInfo[] GetDynamicColumns(Type type) => [];

    public string GetObjectID() => $".{nameof(NopMetadataReader)}.{engine}.";

    private IReadOnlyList<ColumnDefinition> ColumnsOf(Type type) => _columns.GetOrAdd(type, t => NopTableMapping.ColumnsOf(t, engine));

    private static DataType DataTypeOf(DbType type) => type switch
    {
        DbType.AnsiString or DbType.AnsiStringFixedLength => DataType.VarChar,
        DbType.Binary => DataType.Binary,
        DbType.Boolean => DataType.Boolean,
        DbType.Byte => DataType.Byte,
        DbType.Currency => DataType.Money,
        DbType.Date => DataType.Date,
        DbType.DateTime => DataType.DateTime,
        DbType.DateTime2 => DataType.DateTime2,
        DbType.DateTimeOffset => DataType.DateTimeOffset,
        DbType.Decimal => DataType.Decimal,
        DbType.Double => DataType.Double,
        DbType.Guid => DataType.Guid,
        DbType.Int16 => DataType.Int16,
        DbType.Int32 => DataType.Int32,
        DbType.Int64 => DataType.Int64,
        DbType.Single => DataType.Single,
        DbType.String or DbType.StringFixedLength => DataType.NVarChar,
        DbType.Time => DataType.Time,
        _ => DataType.Undefined,
    };
}
