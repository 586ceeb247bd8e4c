using QfPaySimulator.Faults;
using QfPaySimulator.Trades;

namespace QfPaySimulator.Endpoints;

/// <summary>
/// Runs one API call: read the form, pick the fault rules, wait out any latency, then either disrupt the call or
/// authenticate and run the operation, and record what happened.
/// </summary>
internal sealed class ApiPipeline(
    FaultBook faults,
    RequestLog log,
    RequestAuthenticator authenticator,
    QfPayClock clock,
    IHostApplicationLifetime lifetime,
    ILogger<ApiPipeline> logger)
{
    /// <summary>How long a Timeout fault holds a request when its rule gives no delay: longer than any sane client waits.</summary>
    private static readonly TimeSpan DefaultTimeoutHold = TimeSpan.FromSeconds(100);

    public async Task HandleAsync(HttpContext context, IApiOperation operation)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = stop.Token;
        var receivedAt = clock.Instant;

        try
        {
            var request = await ApiRequest.ReadAsync(context, cancellationToken);
            var plan = faults.Take(operation.Endpoint, request.OutTradeNos);
            if (plan.Latency > TimeSpan.Zero)
                await Task.Delay(plan.Latency, cancellationToken);

            if (plan.PreventsOperation)
            {
                await DisruptAsync(context, request, operation.Endpoint, plan.Disruption!, respcd: null, receivedAt, cancellationToken);
                return;
            }

            var reply = await RunAsync(request, operation, cancellationToken);
            switch (plan.Disruption)
            {
                case { Kind: FaultKind.InProgress1143 } when reply.Respcd == ResponseCodes.Success:
                    // The operation went through (a later query finds it); the caller only learns it is in progress.
                    reply = ApiReply.Error(ResponseCodes.InProgress, "order in progress", "processing, please query later");
                    reply.Body["out_trade_no"] = request.Value("out_trade_no") ?? "";
                    Record(request, operation.Endpoint, reply.Respcd, StatusCodes.Status200OK, FaultKind.InProgress1143, receivedAt);
                    break;
                case { Kind: FaultKind.InProgress1143 }:
                    Record(request, operation.Endpoint, reply.Respcd, StatusCodes.Status200OK, null, receivedAt);
                    break;
                case { } disruption:
                    await DisruptAsync(context, request, operation.Endpoint, disruption, reply.Respcd, receivedAt, cancellationToken);
                    return;
                default:
                    Record(request, operation.Endpoint, reply.Respcd, StatusCodes.Status200OK, null, receivedAt);
                    break;
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(reply.ToJson(), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client gave up or the simulator is stopping: nobody is left to answer.
        }
    }

    private async Task<ApiReply> RunAsync(ApiRequest request, IApiOperation operation, CancellationToken cancellationToken)
    {
        if (request.FormatError is { } formatError)
            return ApiReply.Error(ResponseCodes.FormatError, "request format error", formatError);

        var (merchant, rejection) = authenticator.Authenticate(request);
        if (rejection is not null)
            return rejection;

        return await operation.HandleAsync(request, merchant!, cancellationToken);
    }

    private async Task DisruptAsync(
        HttpContext context, ApiRequest request, SimulatorEndpoint endpoint, FaultRule fault, string? respcd,
        DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        logger.LogInformation("Fault {Kind} on {Endpoint} {Path}", fault.Kind, endpoint, request.Path);
        switch (fault.Kind)
        {
            case FaultKind.Http429:
                // QFPay's rate-limit answer (docs/qfpay-protocol.md §1.5); its body is undocumented.
                Record(request, endpoint, respcd, StatusCodes.Status429TooManyRequests, fault.Kind, receivedAt);
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync("Too Many Requests", cancellationToken);
                break;

            case FaultKind.Http5xx:
                var status = fault.StatusCode ?? StatusCodes.Status503ServiceUnavailable;
                Record(request, endpoint, respcd, status, fault.Kind, receivedAt);
                context.Response.StatusCode = status;
                context.Response.ContentType = "text/html; charset=utf-8";
                await context.Response.WriteAsync($"<html><body><h1>{status} Service Unavailable</h1></body></html>", cancellationToken);
                break;

            case FaultKind.Timeout:
                Record(request, endpoint, respcd, null, fault.Kind, receivedAt);
                var hold = fault.Delay > TimeSpan.Zero ? fault.Delay : DefaultTimeoutHold;
                try
                {
                    await Task.Delay(hold, cancellationToken);
                }
                finally
                {
                    context.Abort();
                }
                break;

            case FaultKind.DropConnection:
                Record(request, endpoint, respcd, null, fault.Kind, receivedAt);
                context.Abort();
                break;
        }
    }

    private void Record(ApiRequest request, SimulatorEndpoint endpoint, string? respcd, int? httpStatus, FaultKind? fault, DateTimeOffset receivedAt) =>
        log.Add(new RecordedRequest(endpoint, request.Path, request.Fields, request.Headers, respcd, httpStatus, fault, receivedAt));
}
