namespace Nop.Core.Caching;

/// <summary>
/// Reference surface (subset): builds cache keys. Declared only because <c>IRepository&lt;TEntity&gt;</c>
/// signatures name it; no member is needed.
/// </summary>
public partial interface ICacheKeyService
{
}
