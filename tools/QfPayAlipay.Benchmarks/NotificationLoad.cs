using System.Diagnostics;
using System.Net.Http.Headers;

namespace QfPayAlipay.Benchmarks;

/// <summary>One timed burst of notification posts: requests per second and bytes allocated (whole process) per request.</summary>
public static class NotificationLoad
{
    public static async Task<LoadResult> RunAsync(HttpClient client, Uri url, IReadOnlyList<(byte[] Body, string Signature)> notifications, int concurrency)
    {
        var next = -1;
        var failures = 0;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var collectionsBefore = GC.CollectionCount(0);
        var pausedBefore = GC.GetTotalPauseDuration();
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < notifications.Count)
            {
                var (body, signature) = notifications[index];
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.TryAddWithoutValidation("X-QF-SIGN", signature);
                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (text != "SUCCESS")
                    Interlocked.Increment(ref failures);
            }
        })).ToArray();
        await Task.WhenAll(workers);
        stopwatch.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return new LoadResult(notifications.Count, stopwatch.Elapsed, allocated, failures,
            GC.CollectionCount(0) - collectionsBefore, GC.GetTotalPauseDuration() - pausedBefore);
    }
}

/// <param name="Collections">Garbage collections during the burst (any generation).</param>
/// <param name="GcPause">Time the process stood still for them.</param>
public sealed record LoadResult(int Requests, TimeSpan Elapsed, long AllocatedBytes, int NotSuccess, int Collections, TimeSpan GcPause)
{
    public double PerSecond => Requests / Elapsed.TotalSeconds;

    public double BytesPerRequest => (double)AllocatedBytes / Requests;
}
