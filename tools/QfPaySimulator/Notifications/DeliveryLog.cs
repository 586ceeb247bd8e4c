namespace QfPaySimulator.Notifications;

/// <summary>Every notification attempt, in the order they finished; safe for concurrent writers.</summary>
internal sealed class DeliveryLog : ConcurrentLog<NotificationDelivery>;
