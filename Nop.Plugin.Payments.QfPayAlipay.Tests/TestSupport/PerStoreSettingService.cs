using System.ComponentModel;
using System.Linq.Expressions;
using System.Reflection;
using Nop.Core.Configuration;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport;

/// <summary>
/// An <see cref="ISettingService"/> that really stores one value per (key, store), with nopCommerce's semantics
/// (docs/nopcommerce.md §3): keys are "class.property" lower-cased, loading falls back from the store to the shared
/// (store 0) value, and saving "overridable per store" without the override deletes the store's own value.
/// Values are kept as text, as in the database, so type conversions are exercised too.
/// </summary>
public sealed class PerStoreSettingService : ISettingService
{
    private readonly Dictionary<(string Key, int StoreId), string> _rows = new();

    public int CacheClears { get; private set; }

    /// <summary>Every stored row; handy for "nothing else was written" assertions.</summary>
    public IReadOnlyDictionary<(string Key, int StoreId), string> Rows => _rows;

    /// <summary>The stored text of a settings property for exactly <paramref name="storeId"/>, or null.</summary>
    public string? Stored<T>(Expression<Func<T, object?>> property, int storeId) where T : ISettings =>
        _rows.TryGetValue((KeyOf(typeof(T), MemberName(property.Body)), storeId), out var value) ? value : null;

    public Task<T> GetSettingByKeyAsync<T>(string key, T defaultValue = default!, int storeId = 0, bool loadSharedValueIfNotFound = false)
    {
        key = Normalize(key);
        if (_rows.TryGetValue((key, storeId), out var text)
            || (storeId > 0 && loadSharedValueIfNotFound && _rows.TryGetValue((key, 0), out text)))
            return Task.FromResult((T)FromText(text, typeof(T))!);

        return Task.FromResult(defaultValue);
    }

    public Task SetSettingAsync<T>(string key, T value, int storeId = 0, bool clearCache = true)
    {
        _rows[(Normalize(key), storeId)] = ToText(value, typeof(T));
        if (clearCache)
            CacheClears++;
        return Task.CompletedTask;
    }

    public Task<bool> SettingExistsAsync<T, TPropType>(T settings, Expression<Func<T, TPropType>> keySelector, int storeId = 0)
        where T : ISettings, new() =>
        Task.FromResult(_rows.ContainsKey((GetSettingKey(settings, keySelector), storeId)));

    public Task<T> LoadSettingAsync<T>(int storeId = 0) where T : ISettings, new()
    {
        var settings = new T();
        foreach (var property in Properties(typeof(T)))
        {
            var key = KeyOf(typeof(T), property.Name);
            if (!_rows.TryGetValue((key, storeId), out var text) && !_rows.TryGetValue((key, 0), out text))
                continue;

            property.SetValue(settings, FromText(text, property.PropertyType));
        }

        return Task.FromResult(settings);
    }

    public Task SaveSettingAsync<T>(T settings, int storeId = 0) where T : ISettings, new()
    {
        foreach (var property in Properties(typeof(T)))
            _rows[(KeyOf(typeof(T), property.Name), storeId)] = ToText(property.GetValue(settings), property.PropertyType);

        CacheClears++;
        return Task.CompletedTask;
    }

    public Task SaveSettingOverridablePerStoreAsync<T, TPropType>(T settings, Expression<Func<T, TPropType>> keySelector,
        bool overrideForStore, int storeId = 0, bool clearCache = true) where T : ISettings, new()
    {
        var key = GetSettingKey(settings, keySelector);
        if (overrideForStore || storeId == 0)
            _rows[(key, storeId)] = ToText(keySelector.Compile()(settings), typeof(TPropType));
        else
            _rows.Remove((key, storeId));

        if (clearCache)
            CacheClears++;
        return Task.CompletedTask;
    }

    public Task DeleteSettingAsync<T>() where T : ISettings, new()
    {
        var prefix = typeof(T).Name.ToLowerInvariant() + ".";
        foreach (var row in _rows.Keys.Where(k => k.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            _rows.Remove(row);
        return Task.CompletedTask;
    }

    public Task ClearCacheAsync()
    {
        CacheClears++;
        return Task.CompletedTask;
    }

    public string GetSettingKey<TSettings, T>(TSettings settings, Expression<Func<TSettings, T>> keySelector)
        where TSettings : ISettings, new() =>
        KeyOf(typeof(TSettings), MemberName(keySelector.Body));

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Instance | BindingFlags.Public).Where(p => p.CanRead && p.CanWrite);

    private static string KeyOf(Type type, string property) => Normalize($"{type.Name}.{property}");

    private static string Normalize(string key) => key.Trim().ToLowerInvariant();

    // nopCommerce throws unless the selector is a plain member access; so does this fake.
    private static string MemberName(Expression body) => body switch
    {
        MemberExpression member => member.Member.Name,
        UnaryExpression { Operand: MemberExpression member } => member.Member.Name,
        _ => throw new ArgumentException("Expression must be a property access.", nameof(body)),
    };

    // nopCommerce keeps a List<string> setting (e.g. PaymentSettings.ActivePaymentMethodSystemNames) as one
    // comma-separated value; other types go through their type converters.
    private static string ToText(object? value, Type type) => value is List<string> list
        ? string.Join(",", list)
        : TypeDescriptor.GetConverter(type).ConvertToInvariantString(value) ?? string.Empty;

    private static object? FromText(string text, Type type) => type == typeof(List<string>)
        ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
        : TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text);
}
