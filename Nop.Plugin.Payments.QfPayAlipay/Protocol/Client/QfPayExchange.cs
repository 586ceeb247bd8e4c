namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

/// <summary>One request and whatever came back: a status and body, or the transport problem instead.</summary>
internal sealed record QfPayExchange(QfPayRequestSummary Request)
{
    public int? HttpStatus { get; init; }

    public byte[]? Body { get; init; }

    public QfPayProblem Problem { get; init; }

    public string? ExceptionType { get; init; }

    public string? Detail { get; init; }
}
