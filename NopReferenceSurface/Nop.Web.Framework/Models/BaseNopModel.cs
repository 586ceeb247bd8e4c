using System.Collections.Generic;

namespace Nop.Web.Framework.Models;

/// <summary>Reference surface (complete): base record of all nopCommerce view models.</summary>
public partial record BaseNopModel
{
    public BaseNopModel()
    {
        CustomProperties = new Dictionary<string, string>();
        PostInitialize();
    }

    /// <summary>Hook for derived models, called at the end of the constructor.</summary>
    protected virtual void PostInitialize()
    {
    }

    public Dictionary<string, string> CustomProperties { get; set; }
}
