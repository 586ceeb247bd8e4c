namespace QfPaySimulator.Notifications;

/// <summary>A notification to deliver to one notify_url, signed with the merchant's client key (API.md §6.3).</summary>
internal sealed record NotificationJob(Uri Target, string ClientKey, NotificationContent Content);
