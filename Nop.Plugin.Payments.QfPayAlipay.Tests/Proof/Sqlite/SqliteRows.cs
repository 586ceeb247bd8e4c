using System.Reflection;
using Microsoft.Data.Sqlite;
using Nop.Core;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Proof.Sqlite;

/// <summary>
/// Maps an entity's stored columns to a table row, as nopCommerce's data layer does: every public settable property of
/// a plain type; enum-typed wrappers (Status over StatusId) are computed, not stored. Dates are stored as UTC ticks.
/// </summary>
public static class SqliteRows<T> where T : BaseEntity, new()
{
    private static readonly PropertyInfo[] Stored = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(static p => p is { CanRead: true, CanWrite: true } && p.Name != nameof(BaseEntity.Id) && IsStored(p.PropertyType))
        .ToArray();

    public static IReadOnlyList<PropertyInfo> Columns => Stored;

    public static string ColumnDefinitions =>
        string.Join(", ", new[] { "Id INTEGER PRIMARY KEY AUTOINCREMENT" }.Concat(Stored.Select(static p => $"{p.Name} {SqlType(p.PropertyType)}")));

    public static void Bind(SqliteCommand command, T entity)
    {
        foreach (var property in Stored)
        {
            var value = property.GetValue(entity) switch
            {
                DateTime date => date.Ticks,
                bool flag => flag ? 1 : 0,
                null => DBNull.Value,
                var other => other,
            };
            command.Parameters.AddWithValue("@" + property.Name, value);
        }
    }

    public static T Read(SqliteDataReader reader)
    {
        var entity = new T { Id = reader.GetInt32(reader.GetOrdinal(nameof(BaseEntity.Id))) };
        foreach (var property in Stored)
        {
            var ordinal = reader.GetOrdinal(property.Name);
            if (reader.IsDBNull(ordinal))
                continue;

            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            object value = type == typeof(DateTime) ? new DateTime(reader.GetInt64(ordinal), DateTimeKind.Utc)
                : type == typeof(bool) ? reader.GetInt64(ordinal) != 0
                : type == typeof(string) ? reader.GetString(ordinal)
                : type == typeof(decimal) ? reader.GetDecimal(ordinal)
                : Convert.ChangeType(reader.GetValue(ordinal), type, System.Globalization.CultureInfo.InvariantCulture);
            property.SetValue(entity, value);
        }

        return entity;
    }

    private static bool IsStored(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return !type.IsEnum && (type.IsPrimitive || type == typeof(string) || type == typeof(DateTime) || type == typeof(decimal));
    }

    private static string SqlType(Type type)
    {
        var nullable = Nullable.GetUnderlyingType(type) is not null || type == typeof(string);
        var bare = Nullable.GetUnderlyingType(type) ?? type;
        var sql = bare == typeof(string) ? "TEXT" : bare == typeof(decimal) ? "NUMERIC" : "INTEGER";
        return nullable ? sql : sql + " NOT NULL";
    }
}
