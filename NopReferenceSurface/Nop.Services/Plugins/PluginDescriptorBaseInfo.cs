using System;

namespace Nop.Services.Plugins;

/// <summary>Reference surface (complete): system name and version of a plugin.</summary>
public partial class PluginDescriptorBaseInfo : IComparable<PluginDescriptorBaseInfo>
{
    public virtual string SystemName { get; set; }

    public virtual string Version { get; set; }

    public int CompareTo(PluginDescriptorBaseInfo other) =>
        string.Compare(SystemName, other.SystemName, StringComparison.InvariantCultureIgnoreCase);

    public override bool Equals(object value) =>
        value is PluginDescriptorBaseInfo other && SystemName != null && SystemName.Equals(other.SystemName);

    public override int GetHashCode() => SystemName.GetHashCode();

    public virtual PluginDescriptorBaseInfo GetBaseInfoCopy =>
        new PluginDescriptorBaseInfo { SystemName = SystemName, Version = Version };
}
