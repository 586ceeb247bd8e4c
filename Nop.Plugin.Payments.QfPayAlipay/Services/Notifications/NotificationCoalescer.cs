using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Notifications;

/// <summary>
/// Identical deliveries (same body, same signature) on this web node are handled once: while one is being handled the
/// others wait for its answer, and a final answer (200 SUCCESS) is remembered for <see cref="RecentAnswerLifetime"/>.
/// A storm of copies of one notification then costs what one delivery costs, instead of one lookup, claim attempt and
/// connection each. Nothing here decides anything about money: the one delivery that runs goes through settlement and
/// its exactly-once claim as usual, and other nodes are not affected (each has its own coalescer). A singleton.
/// </summary>
public class NotificationCoalescer
{
    /// <summary>
    /// How long a final answer is reused for an identical delivery. Long enough for a burst; far shorter than QFPay's
    /// retry interval (minutes), so a genuine retry is looked at again.
    /// </summary>
    public static readonly TimeSpan RecentAnswerLifetime = TimeSpan.FromSeconds(30);

    /// <summary>A flood of distinct signed bodies cannot grow the memory beyond this many remembered answers.</summary>
    public const int MaxRecentAnswers = 1_000;

    private readonly ConcurrentDictionary<string, Task<HandledNotification>> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (HandledNotification Handled, DateTime ExpiresOnUtc)> _recent = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private DateTime _nextSweepOnUtc = DateTime.MinValue;

    public NotificationCoalescer(TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// Runs <paramref name="handle"/> for <paramref name="notification"/> unless an identical delivery is being handled
    /// or was answered finally a moment ago; <c>Shared</c> is true when this delivery took another's answer.
    /// <paramref name="handle"/> must not throw (the handler turns every failure into an answer).
    /// </summary>
    public virtual async Task<(HandledNotification Handled, bool Shared)> RunAsync(IncomingNotification notification,
        Func<Task<HandledNotification>> handle, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        ArgumentNullException.ThrowIfNull(handle);

        var key = KeyOf(notification);
        if (_recent.TryGetValue(key, out var recent))
        {
            if (recent.ExpiresOnUtc > Now())
                return (recent.Handled, true);
            _recent.TryRemove(KeyValuePair.Create(key, recent));
        }

        var ours = new TaskCompletionSource<HandledNotification>(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _inFlight.GetOrAdd(key, ours.Task);
        if (running != ours.Task)
            return (await running.WaitAsync(cancellationToken), true);

        try
        {
            var handled = await handle();
            // Remembered before the in-flight entry goes, so a delivery arriving in between finds one or the other.
            if (NotifyAnswer.For(handled.Reason).IsSuccess)
                Remember(key, handled);
            ours.SetResult(handled);
            return (handled, false);
        }
        catch (Exception exception)
        {
            ours.SetException(exception);
            _ = ours.Task.Exception; // observed here: the waiting deliveries, if any, get it too
            throw;
        }
        finally
        {
            _inFlight.TryRemove(KeyValuePair.Create(key, ours.Task));
        }
    }

    private void Remember(string key, HandledNotification handled)
    {
        var now = Now();
        if (_recent.Count >= MaxRecentAnswers)
        {
            // Full: expired answers are swept at most once a second, so a node busy with many distinct notifications
            // does not scan the whole memory for each of them; until then nothing more is remembered.
            if (now < _nextSweepOnUtc)
                return;

            _nextSweepOnUtc = now + TimeSpan.FromSeconds(1);
            foreach (var entry in _recent)
            {
                if (entry.Value.ExpiresOnUtc <= now)
                    _recent.TryRemove(entry);
            }

            if (_recent.Count >= MaxRecentAnswers)
                return;
        }

        _recent[key] = (handled, now + RecentAnswerLifetime);
    }

    private DateTime Now() => _timeProvider.GetUtcNow().UtcDateTime;

    /// <summary>The signature header and the exact body bytes: two deliveries are identical only if both are.</summary>
    private static string KeyOf(IncomingNotification notification)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(notification.Signature ?? string.Empty));
        hash.AppendData([0]);
        hash.AppendData(notification.Body.Span);
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
