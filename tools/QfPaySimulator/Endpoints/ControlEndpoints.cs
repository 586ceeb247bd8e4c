using System.Text.Json;
using System.Text.Json.Serialization;
using QfPaySimulator.Faults;
using QfPaySimulator.Notifications;

namespace QfPaySimulator.Endpoints;

/// <summary>
/// A small control API for people running the simulator by hand (not part of QFPay): the request and delivery logs,
/// and fault rules to add, list and clear.
/// </summary>
internal static class ControlEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Map(IEndpointRouteBuilder routes)
    {
        var requests = routes.ServiceProvider.GetRequiredService<RequestLog>();
        var deliveries = routes.ServiceProvider.GetRequiredService<DeliveryLog>();
        var faults = routes.ServiceProvider.GetRequiredService<FaultBook>();

        routes.MapGet("/_simulator/requests", context => WriteJsonAsync(context, StatusCodes.Status200OK, requests.Snapshot()));
        routes.MapGet("/_simulator/deliveries", context => WriteJsonAsync(context, StatusCodes.Status200OK, deliveries.Snapshot()));
        routes.MapGet("/_simulator/faults", context =>
            WriteJsonAsync(context, StatusCodes.Status200OK, faults.Snapshot().Select(FaultRuleDocument.From)));

        routes.MapPost("/_simulator/faults", async context =>
        {
            FaultRule rule;
            try
            {
                var document = await JsonSerializer.DeserializeAsync<FaultRuleDocument>(context.Request.Body, Json, context.RequestAborted)
                    ?? throw new ArgumentException("A JSON fault rule is required.");
                rule = document.ToRule();
                faults.Add(rule);
            }
            catch (Exception exception) when (exception is JsonException or ArgumentException)
            {
                await WriteJsonAsync(context, StatusCodes.Status400BadRequest, new { error = exception.Message });
                return;
            }

            await WriteJsonAsync(context, StatusCodes.Status201Created, FaultRuleDocument.From(rule));
        });

        routes.MapDelete("/_simulator/faults", context =>
        {
            faults.Clear();
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });
    }

    private static async Task WriteJsonAsync<T>(HttpContext context, int status, T value)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, Json, context.RequestAborted);
    }
}
