using System.Net.Http.Headers;
using System.Text;
using QfPaySimulator.Faults;
using QfPaySimulator.Trades;

namespace QfPaySimulator.Notifications;

/// <summary>
/// Posts signed notifications and retries them on QFPay's schedule until the receiver answers HTTP 200 with the body
/// <c>SUCCESS</c> (docs/qfpay-protocol.md §6.5, §6.6). Each job runs in the background; <see cref="Pending"/> counts the jobs not
/// finished yet, including those waiting for their next retry.
/// </summary>
internal sealed class NotificationDispatcher : IAsyncDisposable
{
    private const int MaxRecordedResponseLength = 2000;

    private readonly HttpClient client;
    private readonly FaultBook faults;
    private readonly DeliveryLog log;
    private readonly QfPayClock clock;
    private readonly RetrySchedule schedule;
    private readonly NotificationTargetPolicy targetPolicy;
    private readonly NotificationTargets targets;
    private readonly ILogger<NotificationDispatcher> logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly Lock gate = new();
    private readonly HashSet<Task> running = [];
    private int pending;

    public NotificationDispatcher(
        SimulatorOptions options, FaultBook faults, DeliveryLog log, QfPayClock clock, ILogger<NotificationDispatcher> logger)
    {
        this.faults = faults;
        this.log = log;
        this.clock = clock;
        this.logger = logger;
        schedule = new RetrySchedule(options.RetryTimeScale);
        targetPolicy = new NotificationTargetPolicy(options.AllowRemoteNotifyTargets);
        targets = new NotificationTargets(options);
        client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
        {
            Timeout = options.NotificationTimeout,
        };
    }

    public int Pending => Volatile.Read(ref pending);

    /// <summary>Starts a job and completes once its first attempt is over; retries go on in the background.</summary>
    public Task DeliverFirstAttemptAsync(NotificationJob job)
    {
        var firstAttempt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Start(job, firstAttempt);
        return firstAttempt.Task;
    }

    /// <summary>Starts a job entirely in the background.</summary>
    public void Enqueue(NotificationJob job) => Start(job, null);

    private void Start(NotificationJob job, TaskCompletionSource? firstAttempt)
    {
        Interlocked.Increment(ref pending);
        var task = Task.Run(() => RunAsync(job, firstAttempt, stopping.Token));
        lock (gate)
            running.Add(task);
        _ = task.ContinueWith(
            finished =>
            {
                lock (gate)
                    running.Remove(finished);
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunAsync(NotificationJob job, TaskCompletionSource? firstAttempt, CancellationToken cancellationToken)
    {
        try
        {
            if (targets.For(job) is not { } target)
            {
                logger.LogInformation("No {NotifyType} notification for {Syssn}: no notification URL for app code {AppCode}",
                    job.Content.NotifyType, job.Content.Syssn, job.AppCode);
                return;
            }

            var plan = faults.Take(SimulatorEndpoint.Notification, [job.Content.OutTradeNo]);
            if (plan.Disruption?.Kind == FaultKind.DropNotification)
            {
                logger.LogInformation("Fault DropNotification: {NotifyType} notification for {Syssn} not sent", job.Content.NotifyType, job.Content.Syssn);
                return;
            }

            var body = Encoding.UTF8.GetBytes(job.Content.ToBody());
            var signature = NotificationSignature.Compute(body, job.ClientKey);
            if (!targetPolicy.Allows(target))
            {
                logger.LogWarning("Not notifying {Target}: only loopback targets are allowed (AllowRemoteNotifyTargets)", target);
                Record(job, target, body, signature, 1, 1, null, null, "refused: the simulator only notifies loopback addresses unless AllowRemoteNotifyTargets is set", false);
                return;
            }

            if (plan.Latency > TimeSpan.Zero)
                await Task.Delay(plan.Latency, cancellationToken);

            for (var attempt = 1; attempt <= RetrySchedule.MaxAttempts; attempt++)
            {
                if (attempt > 1)
                    await Task.Delay(schedule.GapBefore(attempt), cancellationToken);

                var copies = attempt == 1 && plan.Disruption is { Kind: FaultKind.DuplicateNotifications } duplicates ? duplicates : null;
                var acknowledged = await SendAttemptAsync(job, target, body, signature, attempt, copies, cancellationToken);
                if (attempt == 1)
                    firstAttempt?.TrySetResult();
                if (acknowledged)
                    return;
            }

            logger.LogWarning("Gave up notifying {Target} about {Syssn} after {Attempts} attempts", target, job.Content.Syssn, RetrySchedule.MaxAttempts);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The simulator is stopping.
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Notification job for {Syssn} failed", job.Content.Syssn);
        }
        finally
        {
            Interlocked.Decrement(ref pending);
            firstAttempt?.TrySetResult();
        }
    }

    private async Task<bool> SendAttemptAsync(
        NotificationJob job, Uri target, byte[] body, string signature, int attempt, FaultRule? duplicates, CancellationToken cancellationToken)
    {
        if (duplicates is null)
            return await SendAsync(job, target, body, signature, attempt, 1, cancellationToken);

        if (duplicates.Concurrent)
        {
            var results = await Task.WhenAll(Enumerable.Range(1, duplicates.Count)
                .Select(copy => SendAsync(job, target, body, signature, attempt, copy, cancellationToken)));
            return results.Any(acknowledged => acknowledged);
        }

        var any = false;
        for (var copy = 1; copy <= duplicates.Count; copy++)
            any |= await SendAsync(job, target, body, signature, attempt, copy, cancellationToken);
        return any;
    }

    private async Task<bool> SendAsync(
        NotificationJob job, Uri target, byte[] body, string signature, int attempt, int copy, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var message = new HttpRequestMessage(HttpMethod.Post, target) { Content = content };
        // Only X-QF-SIGN is documented on notifications (docs/qfpay-protocol.md §6.2).
        message.Headers.TryAddWithoutValidation("X-QF-SIGN", signature);

        try
        {
            using var response = await client.SendAsync(message, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            // 200 + "SUCCESS" is the only acknowledgement (docs/qfpay-protocol.md §6.5); surrounding whitespace is tolerated.
            var acknowledged = response.StatusCode == System.Net.HttpStatusCode.OK && text.Trim() == "SUCCESS";
            Record(job, target, body, signature, attempt, copy, (int)response.StatusCode, Truncate(text), null, acknowledged);
            return acknowledged;
        }
        catch (HttpRequestException exception)
        {
            Record(job, target, body, signature, attempt, copy, null, null, exception.Message, false);
            return false;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Record(job, target, body, signature, attempt, copy, null, null, $"no answer within {client.Timeout.TotalSeconds:0.###} s", false);
            return false;
        }
    }

    private void Record(
        NotificationJob job, Uri target, byte[] body, string signature, int attempt, int copy, int? statusCode, string? responseBody, string? error,
        bool acknowledged) =>
        log.Add(new NotificationDelivery(
            target, job.Content.NotifyType, job.Content.Syssn, job.Content.OutTradeNo, attempt, copy, statusCode, responseBody,
            error, acknowledged, clock.Instant, Encoding.UTF8.GetString(body), signature));

    private static string Truncate(string text) =>
        text.Length <= MaxRecordedResponseLength ? text : text[..MaxRecordedResponseLength];

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        Task[] tasks;
        lock (gate)
            tasks = running.ToArray();
        try
        {
            await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception)
        {
            // Jobs end on cancellation; anything else was logged by the job itself.
        }

        client.Dispose();
        stopping.Dispose();
    }
}
