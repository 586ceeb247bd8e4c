namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;

/// <summary>Why a notification was not accepted as QFPay's.</summary>
public enum NotificationVerificationFailure
{
    None,
    MissingSignatureHeader,
    MalformedSignatureHeader,
    EmptyBody,
    MissingClientKey,
    SignatureMismatch,
}

/// <summary>
/// The verdict on a notification's <c>X-QF-SIGN</c>. <see cref="Reason"/> says what to check and is safe to
/// log: it never contains the client key, the expected signature or the body.
/// </summary>
public sealed record NotificationVerification
{
    private NotificationVerification(NotificationVerificationFailure failure, string reason)
    {
        Failure = failure;
        Reason = reason;
    }

    public static NotificationVerification Authentic { get; } =
        new(NotificationVerificationFailure.None, "The X-QF-SIGN header matches MD5(raw body + client key).");

    public bool IsAuthentic => Failure == NotificationVerificationFailure.None;

    public NotificationVerificationFailure Failure { get; }

    public string Reason { get; }

    internal static NotificationVerification Rejected(NotificationVerificationFailure failure, string reason) => new(failure, reason);

    public override string ToString() => IsAuthentic ? "Authentic" : $"{Failure}: {Reason}";
}
