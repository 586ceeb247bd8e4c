namespace Nop.Web.Framework.Controllers;

/// <summary>Reference surface (complete): base of plugin controllers.</summary>
public abstract partial class BasePluginController : BaseController
{
}
