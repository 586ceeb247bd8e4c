using System;
using System.Threading.Tasks;

namespace Nop.Core.Caching;

/// <summary>Reference surface (subset): named locks (memory or distributed cache).</summary>
public partial interface ILocker
{
    /// <summary>Runs the action if the lock could be taken; false at once if it is held (no waiting).</summary>
    Task<bool> PerformActionWithLockAsync(string resource, TimeSpan expirationTime, Func<Task> action);
}
