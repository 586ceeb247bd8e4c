using System.Globalization;
using System.Text;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>
/// The one exception type for QFPay protocol failures, for callers that prefer throwing to inspecting a
/// <see cref="QfPayResult{T}"/> (see <see cref="QfPayResult{T}.ToException"/>). It carries the code,
/// message, HTTP status and the redacted request; its message never contains the key or the signature.
/// </summary>
public sealed class QfPayException : Exception
{
    public QfPayException(string message, QfPayOutcome outcome, QfPayProblem problem = QfPayProblem.None, string? responseCode = null,
        string? responseMessage = null, int? httpStatus = null, QfPayRequestSummary? request = null, Exception? innerException = null)
        : base(Describe(message, outcome, problem, responseCode, responseMessage, httpStatus, request), innerException)
    {
        Outcome = outcome;
        Problem = problem;
        ResponseCode = responseCode;
        ResponseMessage = responseMessage;
        HttpStatus = httpStatus;
        Request = request;
    }

    public QfPayOutcome Outcome { get; }

    public QfPayProblem Problem { get; }

    /// <summary>The raw <c>respcd</c>, when QFPay answered with one.</summary>
    public string? ResponseCode { get; }

    public string? ResponseMessage { get; }

    public int? HttpStatus { get; }

    /// <summary>The request, already redacted.</summary>
    public QfPayRequestSummary? Request { get; }

    private static string Describe(string message, QfPayOutcome outcome, QfPayProblem problem, string? responseCode,
        string? responseMessage, int? httpStatus, QfPayRequestSummary? request)
    {
        var text = new StringBuilder(message);
        text.Append(" (outcome ").Append(outcome);
        if (problem != QfPayProblem.None)
            text.Append(", problem ").Append(problem);
        if (responseCode is not null)
            text.Append(", respcd ").Append(responseCode);
        if (!string.IsNullOrWhiteSpace(responseMessage))
            text.Append(", respmsg '").Append(responseMessage).Append('\'');
        if (httpStatus is not null)
            text.Append(", HTTP ").Append(httpStatus.Value.ToString(CultureInfo.InvariantCulture));
        text.Append(')');
        if (request is not null)
            text.Append("; request: ").Append(request);
        return text.ToString();
    }
}
