namespace QfPaySimulator.Notifications;

/// <summary>
/// A notification about a trade of <paramref name="AppCode"/>, signed with the merchant's client key (docs/qfpay-protocol.md §6.3).
/// Where it goes is <see cref="NotificationTargets"/>' decision: the request's notify_url, or the URL registered for
/// the app code.
/// </summary>
/// <param name="NotifyUrl">The notify_url the payment request carried, if any.</param>
internal sealed record NotificationJob(string AppCode, Uri? NotifyUrl, string ClientKey, NotificationContent Content)
{
    public static Uri? UrlOf(string? notifyUrl) =>
        Uri.TryCreate(notifyUrl, UriKind.Absolute, out var url) ? url : null;
}
