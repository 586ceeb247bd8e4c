using System.Globalization;
using Newtonsoft.Json.Linq;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Json;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// Turns an exchange into a <see cref="QfPayResult{T}"/>. QFPay's business outcome is in the body's
/// <c>respcd</c>, whatever the HTTP status (docs/qfpay-protocol.md §2.1); only 429 and 5xx are taken from the status,
/// because a rate-limited or failing server's body says nothing reliable.
/// </summary>
internal static class ResponseInterpreter
{
    /// <param name="read">Reads the typed answer; null when the body lacks what <paramref name="operation"/> needs.</param>
    /// <param name="readLenient">Reads what it can for non-success answers.</param>
    /// <param name="unusable">Why a <c>0000</c> answer cannot be used (e.g. no pay_url), or null.</param>
    public static QfPayResult<T> Interpret<T>(QfPayExchange exchange, QfPayOperation operation,
        Func<JObject, T?> read, Func<JObject, T> readLenient, Func<T, string?> unusable) where T : QfPayResponse
    {
        if (exchange.Problem != QfPayProblem.None)
            return Unknown<T>(exchange, exchange.Problem, exchange.Detail, null, null);

        JObject? body;
        try
        {
            body = QfPayJson.TryParseObject(exchange.Body);
        }
        catch (FormatException)
        {
            return Unknown<T>(exchange, QfPayProblem.MalformedResponse, "QFPay's answer contains text that is not valid Unicode.", null, null);
        }

        var lenient = body is null ? null : readLenient(body);
        var code = QfPayResponseCodes.Normalize(lenient?.ResponseCode);
        var status = exchange.HttpStatus ?? 0;

        if (status == 429)
            return Unknown(exchange, QfPayProblem.RateLimited, "QFPay's rate limit was reached (HTTP 429); wait before asking again.", lenient, code);

        if (status >= 500)
            return Unknown(exchange, QfPayProblem.ServerError, $"QFPay answered HTTP {status.ToString(CultureInfo.InvariantCulture)}.", lenient, code);

        if (code is null)
        {
            return status is >= 200 and < 300
                ? Unknown(exchange, QfPayProblem.MalformedResponse, body is null ? "QFPay's answer is not a JSON object." : "QFPay's answer has no respcd.", lenient, null)
                : Unknown(exchange, QfPayProblem.UnexpectedHttpStatus, $"QFPay answered HTTP {status.ToString(CultureInfo.InvariantCulture)} without a respcd.", lenient, null);
        }

        var info = QfPayResponseCodes.Interpret(code, operation, lenient!.ResponseMessage, lenient.ResponseError);
        if (info.Outcome == QfPayOutcome.Success)
        {
            var response = read(body!);
            var reason = response is null ? "QFPay answered 0000 without the expected data." : unusable(response);
            if (reason is not null)
                return Unknown(exchange, QfPayProblem.MalformedResponse, reason, response ?? lenient, code);

            return Result(exchange, QfPayOutcome.Success, response!, code, info.MessageKey, lenient.Message);
        }

        return Result(exchange, info.Outcome, lenient, code, info.MessageKey, lenient.Message ?? info.Description);
    }

    public static QfPayResult<T> InvalidRequest<T>(string error) where T : class => new()
    {
        Outcome = QfPayOutcome.Failed,
        Problem = QfPayProblem.InvalidRequest,
        Message = error,
        MessageKey = QfPayProblem.InvalidRequest.MessageKey(),
    };

    private static QfPayResult<T> Result<T>(QfPayExchange exchange, QfPayOutcome outcome, T? response, string? code, string messageKey, string? message)
        where T : class => new()
        {
            Outcome = outcome,
            Response = response,
            ResponseCode = code,
            Message = message,
            MessageKey = messageKey,
            HttpStatus = exchange.HttpStatus,
            Request = exchange.Request,
        };

    private static QfPayResult<T> Unknown<T>(QfPayExchange exchange, QfPayProblem problem, string? detail, T? response, string? code) where T : class => new()
    {
        Outcome = QfPayOutcome.Unknown,
        Problem = problem,
        Response = response,
        ResponseCode = code,
        Message = detail,
        MessageKey = problem.MessageKey(),
        HttpStatus = exchange.HttpStatus,
        ExceptionType = exchange.ExceptionType,
        Request = exchange.Request,
    };
}

/// <summary>Fields every QFPay answer has (docs/qfpay-protocol.md §4.4, §5.1): the code and its two messages.</summary>
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

    private protected static T ReadCommon<T>(T response, JObject body) where T : QfPayResponse => response with
    {
        ResponseCode = QfPayJson.NonEmptyText(body, "respcd")?.Trim(),
        ResponseError = QfPayJson.NonEmptyText(body, "resperr"),
        ResponseMessage = QfPayJson.NonEmptyText(body, "respmsg"),
        Fields = QfPayJson.Scalars(body),
    };

    private protected static long? Amount(JObject body, string name) =>
        MinorUnits.TryParse(QfPayJson.Text(body, name)?.Trim(), out var amount) ? amount : null;

    private protected static string? Text(JObject? body, string name) => QfPayJson.NonEmptyText(body, name)?.Trim();
}
