using System.Text.Json;
using QfPaySimulator.Cashier;

namespace QfPaySimulator.Alipay;

/// <summary>
/// The fake Alipay under <c>/alipay/</c> (docs/qfpay-protocol.md §10.2): the authorisation page, the open-platform gateway with
/// <c>alipay.system.oauth.token</c>, and a stand-in for the in-app <c>tradePay</c> that pays an 800107 trade.
/// </summary>
internal static class AlipayEndpoints
{
    public const string AuthorizePath = "/alipay/oauth2/publicAppAuthorize.htm";

    public const string GatewayPath = "/alipay/gateway.do";

    public static void Map(IEndpointRouteBuilder routes)
    {
        var services = routes.ServiceProvider;
        var authorizer = services.GetRequiredService<AlipayAuthorizer>();
        var token = services.GetRequiredService<AlipayTokenOperation>();
        var tradePay = services.GetRequiredService<AlipayTradePay>();

        routes.MapGet(AuthorizePath, context =>
        {
            var decision = authorizer.Decide(context.Request.Query);
            if (decision.RedirectTo is { } target)
            {
                context.Response.Redirect(target.AbsoluteUri);
                return Task.CompletedTask;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(CashierPage.Message(decision.Title!, decision.Text!), context.RequestAborted);
        });

        routes.MapPost(GatewayPath, async context =>
        {
            var (parameters, problem) = await ReadParametersAsync(context.Request, context.RequestAborted);
            var reply = token.Handle(parameters, problem);
            // Alipay answers business errors with HTTP 200 too; the client reads the JSON.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(reply.ToBody(), context.RequestAborted);
        });

        routes.MapPost("/alipay/tradepay/{tradeNO}", async context =>
        {
            var tradeNo = (string)context.Request.RouteValues["tradeNO"]!;
            IFormCollection? form = null;
            try
            {
                if (context.Request.HasFormContentType)
                    form = await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var answer = await tradePay.RunAsync(tradeNo, form?["resultCode"].FirstOrDefault(), form?["user_id"].FirstOrDefault());
            context.Response.StatusCode = answer.StatusCode;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(
                JsonSerializer.Serialize(new Dictionary<string, string> { ["resultCode"] = answer.ResultCode, ["tradeNO"] = tradeNo, ["memo"] = answer.Memo }),
                context.RequestAborted);
        });
    }

    /// <summary>
    /// The form body plus the query string: Alipay's own SDKs put the common parameters in the URL and the rest in the
    /// body, the plugin sends everything in the body; both are accepted. A parameter given twice is refused.
    /// </summary>
    private static async Task<(Dictionary<string, string> Parameters, string? Problem)> ReadParametersAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        string? problem = null;

        void Add(string name, Microsoft.Extensions.Primitives.StringValues values)
        {
            if (values.Count != 1 || !parameters.TryAdd(name, values[0] ?? ""))
                problem = $"parameter {name} is sent more than once";
        }

        foreach (var (name, values) in request.Query)
            Add(name, values);

        if (request.HasFormContentType)
        {
            try
            {
                foreach (var (name, values) in await request.ReadFormAsync(cancellationToken))
                    Add(name, values);
            }
            catch (InvalidDataException)
            {
                problem = "the form body cannot be read";
            }
        }
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            problem = "the body must be application/x-www-form-urlencoded";
        }

        return (parameters, problem);
    }
}
