using System;

namespace Nop.Core.Caching;

/// <summary>
/// Reference surface (subset): a cache key. Declared only because <c>IRepository&lt;TEntity&gt;</c>
/// signatures name it. The constructor is declared so that the compiler does not add a default
/// constructor, which the real class does not have.
/// </summary>
public partial class CacheKey
{
    public CacheKey(string key) => throw new NotSupportedException("reference surface only");
}
