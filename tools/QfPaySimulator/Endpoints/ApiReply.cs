using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QfPaySimulator.Endpoints;

/// <summary>
/// A QFPay JSON answer: a flat object whose values are strings, respcd first (docs/qfpay-protocol.md §4.4, §5.1). Business errors go
/// out with HTTP 200 because QFPay's status for them is undocumented and clients read respcd (docs/qfpay-protocol.md §2.1).
/// </summary>
internal sealed class ApiReply
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ApiReply(JsonObject body) => Body = body;

    public JsonObject Body { get; }

    public string Respcd => Body["respcd"]?.GetValue<string>() ?? "";

    public static ApiReply Success(IEnumerable<KeyValuePair<string, JsonNode?>> fields)
    {
        var body = new JsonObject { ["respcd"] = "0000", ["resperr"] = "success", ["respmsg"] = "" };
        foreach (var (name, value) in fields)
            body[name] = value;
        return new ApiReply(body);
    }

    public static ApiReply Error(string respcd, string resperr, string respmsg) =>
        new(new JsonObject { ["respcd"] = respcd, ["resperr"] = resperr, ["respmsg"] = respmsg });

    public static ApiReply ParameterError(string respmsg) => Error(ResponseCodes.ParameterError, "parameter error", respmsg);

    public string ToJson() => Body.ToJsonString(Json);
}
