namespace Nop.Services.Messages;

/// <summary>Reference surface (subset): notifications shown to the current user on the next page.</summary>
public partial interface INotificationService
{
    void SuccessNotification(string message, bool encode = true, int timeout = 0);

    void WarningNotification(string message, bool encode = true, int timeout = 0);

    void ErrorNotification(string message, bool encode = true, int timeout = 0);
}
