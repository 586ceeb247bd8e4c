using System.Linq.Expressions;
using Nop.Core.Configuration;
using Nop.Services.Configuration;

namespace QfPayAlipay.Benchmarks.StandIns;

/// <summary>
/// nopCommerce's setting service as a store sees it once its settings cache is warm: the same settings object for
/// every store. Only loading is on the measured paths.
/// </summary>
public sealed class FixedSettings(ISettings settings) : ISettingService
{
    public Task<T> LoadSettingAsync<T>(int storeId = 0) where T : ISettings, new() =>
        settings is T typed ? Task.FromResult(typed) : throw new NotSupportedException($"Only {settings.GetType().Name} is configured.");

    public Task<T> GetSettingByKeyAsync<T>(string key, T defaultValue = default!, int storeId = 0, bool loadSharedValueIfNotFound = false) =>
        Task.FromResult(defaultValue);

    public Task SetSettingAsync<T>(string key, T value, int storeId = 0, bool clearCache = true) => throw NotMeasured();

    public Task<bool> SettingExistsAsync<T, TPropType>(T settings, Expression<Func<T, TPropType>> keySelector, int storeId = 0)
        where T : ISettings, new() => Task.FromResult(false);

    public Task SaveSettingAsync<T>(T settings, int storeId = 0) where T : ISettings, new() => throw NotMeasured();

    public Task SaveSettingOverridablePerStoreAsync<T, TPropType>(T settings, Expression<Func<T, TPropType>> keySelector,
        bool overrideForStore, int storeId = 0, bool clearCache = true) where T : ISettings, new() => throw NotMeasured();

    public Task DeleteSettingAsync<T>() where T : ISettings, new() => throw NotMeasured();

    public Task ClearCacheAsync() => Task.CompletedTask;

    public string GetSettingKey<TSettings, T>(TSettings settings, Expression<Func<TSettings, T>> keySelector) where TSettings : ISettings, new() =>
        throw NotMeasured();

    private static NotSupportedException NotMeasured() => new("Not on a path the benchmark measures.");
}
