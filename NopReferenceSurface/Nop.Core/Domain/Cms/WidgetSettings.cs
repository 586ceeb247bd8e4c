using System.Collections.Generic;
using Nop.Core.Configuration;

namespace Nop.Core.Domain.Cms;

/// <summary>Reference surface (complete): widget settings; nopCommerce renders only the widgets listed as active.</summary>
public partial class WidgetSettings : ISettings
{
    public WidgetSettings()
    {
        ActiveWidgetSystemNames = new List<string>();
    }

    public List<string> ActiveWidgetSystemNames { get; set; }
}
