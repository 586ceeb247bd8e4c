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

    internal static NotificationParseResult Failed(NotificationParseError error, string reason) => new(null, error, reason);

    public override string ToString() => IsSuccess ? $"Parsed {Notification.NotifyType} {Notification.OutTradeNo}" : $"{Error}: {Reason}";
}
