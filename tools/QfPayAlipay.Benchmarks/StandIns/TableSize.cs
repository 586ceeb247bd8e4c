using System.Collections.Concurrent;

namespace QfPayAlipay.Benchmarks.StandIns;

/// <summary>
/// The in-memory tables hold one round's rows and are sized for them up front. A dictionary that doubles copies every
/// row while it holds its locks, and tables that keep every round's rows make each garbage collection longer; a
/// database does neither to the web node, so a run would time the stand-ins instead of the route.
/// </summary>
internal static class TableSize
{
    private const int Rows = 1 << 16;

    public static ConcurrentDictionary<TKey, TValue> New<TKey, TValue>(IEqualityComparer<TKey>? comparer = null) where TKey : notnull =>
        new(Environment.ProcessorCount * 4, Rows, comparer);
}
