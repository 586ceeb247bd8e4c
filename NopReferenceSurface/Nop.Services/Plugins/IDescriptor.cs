namespace Nop.Services.Plugins;

/// <summary>Reference surface (complete): named descriptor (plugins, themes).</summary>
public partial interface IDescriptor
{
    string SystemName { get; set; }

    string FriendlyName { get; set; }
}
