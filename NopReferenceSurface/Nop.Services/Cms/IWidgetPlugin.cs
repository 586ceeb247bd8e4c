using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Nop.Services.Plugins;

namespace Nop.Services.Cms;

/// <summary>Reference surface (complete): a plugin that renders view components into widget zones.</summary>
public partial interface IWidgetPlugin : IPlugin
{
    bool HideInWidgetList { get; }

    Task<IList<string>> GetWidgetZonesAsync();

    Type GetWidgetViewComponent(string widgetZone);
}
