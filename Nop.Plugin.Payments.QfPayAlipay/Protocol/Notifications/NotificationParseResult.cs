using System.Diagnostics.CodeAnalysis;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;

public enum NotificationParseError
{
    None,
    EmptyBody,
    TooLarge,
    NotJson,
    NotAnObject,
    MissingField,
    InvalidField,
    UnknownNotifyType,
    NotSuccessful,
}

/// <summary>A parsed notification, or why the body is not one. Never thrown: bad input is expected here.</summary>
public sealed record NotificationParseResult
{
    private NotificationParseResult(QfPayNotification? notification, NotificationParseError error, string? reason)
    {
        Notification = notification;
        Error = error;
        Reason = reason;
    }

    [MemberNotNullWhen(true, nameof(Notification))]
    [MemberNotNullWhen(false, nameof(Reason))]
    public bool IsSuccess => Error == NotificationParseError.None;

    public QfPayNotification? Notification { get; }

    public NotificationParseError Error { get; }

    /// <summary>What is wrong, naming the field; safe to log (no body, no key).</summary>
    public string? Reason { get; }

    internal static NotificationParseResult Parsed(QfPayNotification notification) => new(notification, NotificationParseError.None, null);

    /// <summary>
    /// On a failure, the body's out_trade_no, syssn and notify_type as far as they could be read (trimmed, null when
    /// absent): enough to ask QFPay about a verified notification that is missing other fields. Unverified, they are
    /// only untrusted text.
    /// </summary>
    public string? OutTradeNo { get; private init; }

    /// <inheritdoc cref="OutTradeNo"/>
    public string? Syssn { get; private init; }

    /// <inheritdoc cref="OutTradeNo"/>
    public string? NotifyType { get; private init; }

    internal static NotificationParseResult Failed(NotificationParseError error, string reason) => new(null, error, reason);

    internal static NotificationParseResult Failed(NotificationParseError error, string reason, string? outTradeNo, string? syssn, string? notifyType) =>
        new(null, error, reason) { OutTradeNo = outTradeNo, Syssn = syssn, NotifyType = notifyType };

    public override string ToString() => IsSuccess ? $"Parsed {Notification.NotifyType} {Notification.OutTradeNo}" : $"{Error}: {Reason}";
}
