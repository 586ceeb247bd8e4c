namespace QfPaySimulator;

/// <summary>
/// One HTTP attempt to deliver a notification. <see cref="Attempt"/> counts from 1 along the retry schedule
/// (docs/qfpay-protocol.md §6.6); <see cref="Copy"/> numbers the copies a DuplicateNotifications fault sends for one attempt.
/// <see cref="StatusCode"/> is null when no response came back (<see cref="Error"/> says why).
/// </summary>
public sealed record NotificationDelivery(
    Uri Target,
    string NotifyType,
    string Syssn,
    string OutTradeNo,
    int Attempt,
    int Copy,
    int? StatusCode,
    string? ResponseBody,
    string? Error,
    bool Acknowledged,
    DateTimeOffset Time,
    string Body,
    string Signature);
