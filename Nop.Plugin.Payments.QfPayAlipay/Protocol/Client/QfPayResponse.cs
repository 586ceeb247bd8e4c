using System.Text.Json;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Json;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>Fields every QFPay answer has (API.md §4.4, §5.1): the code and its two messages.</summary>
public abstract record QfPayResponse
{
    /// <summary><c>respcd</c> as received (string or number).</summary>
    public string? ResponseCode { get; init; }

    /// <summary><c>resperr</c>: result text, English or Chinese.</summary>
    public string? ResponseError { get; init; }

    /// <summary><c>respmsg</c>: extra message, often empty.</summary>
    public string? ResponseMessage { get; init; }

    /// <summary>Every scalar top-level field as text, including ones not named here (forward compatibility).</summary>
    public IReadOnlyDictionary<string, string?> Fields { get; init; } = new Dictionary<string, string?>();

    /// <summary>The most specific human text QFPay gave.</summary>
    public string? Message => !string.IsNullOrWhiteSpace(ResponseMessage) ? ResponseMessage : ResponseError;

    private protected static T ReadCommon<T>(T response, JsonElement body) where T : QfPayResponse => response with
    {
        ResponseCode = TolerantJson.NonEmptyText(body, "respcd")?.Trim(),
        ResponseError = TolerantJson.NonEmptyText(body, "resperr"),
        ResponseMessage = TolerantJson.NonEmptyText(body, "respmsg"),
        Fields = TolerantJson.Scalars(body),
    };

    private protected static long? Amount(JsonElement body, string name) =>
        MinorUnits.TryParse(TolerantJson.Text(body, name)?.Trim(), out var amount) ? amount : null;

    private protected static string? Text(JsonElement body, string name) => TolerantJson.NonEmptyText(body, name)?.Trim();
}
