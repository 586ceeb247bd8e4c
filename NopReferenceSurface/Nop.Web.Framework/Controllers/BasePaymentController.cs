namespace Nop.Web.Framework.Controllers;

/// <summary>Reference surface (complete): base of payment plugin controllers.</summary>
public abstract partial class BasePaymentController : BasePluginController
{
}
