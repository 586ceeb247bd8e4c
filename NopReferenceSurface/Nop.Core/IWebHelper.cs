namespace Nop.Core;

/// <summary>Reference surface (subset): request/URL helper.</summary>
public partial interface IWebHelper
{
    string GetStoreLocation(bool? useSsl = null);

    string GetCurrentRequestProtocol();

    bool IsRequestBeingRedirected { get; }

    bool IsPostBeingDone { get; set; }
}
