using System;
using System.Collections.Generic;
using System.Reflection;

namespace Nop.Services.Plugins;

/// <summary>
/// Reference surface (complete declarations): the content of plugin.json plus load-time state.
/// Loading, instantiating and saving need the running platform, so those members throw here.
/// </summary>
public partial class PluginDescriptor : PluginDescriptorBaseInfo, IDescriptor, IComparable<PluginDescriptor>
{
    public PluginDescriptor()
    {
        SupportedVersions = new List<string>();
        LimitedToStores = new List<int>();
        LimitedToCustomerRoles = new List<int>();
        DependsOn = new List<string>();
    }

    public static PluginDescriptor GetPluginDescriptorFromText(string text) =>
        throw new NotSupportedException("reference surface only");

    public virtual TPlugin Instance<TPlugin>() where TPlugin : class, IPlugin =>
        throw new NotSupportedException("reference surface only");

    public int CompareTo(PluginDescriptor other)
    {
        var byOrder = DisplayOrder.CompareTo(other.DisplayOrder);
        return byOrder != 0
            ? byOrder
            : string.Compare(SystemName, other.SystemName, StringComparison.InvariantCultureIgnoreCase);
    }

    public override string ToString() => FriendlyName;

    public virtual void Save() => throw new NotSupportedException("reference surface only");

    public virtual string Group { get; set; }

    public virtual string FriendlyName { get; set; }

    public virtual IList<string> SupportedVersions { get; set; }

    public virtual string Author { get; set; }

    public virtual int DisplayOrder { get; set; }

    public virtual string AssemblyFileName { get; set; }

    public virtual string Description { get; set; }

    public virtual IList<int> LimitedToStores { get; set; }

    public virtual IList<int> LimitedToCustomerRoles { get; set; }

    public virtual IList<string> DependsOn { get; set; }

    public virtual bool Installed { get; set; }

    public virtual Type PluginType { get; set; }

    public virtual string OriginalAssemblyFile { get; set; }

    public virtual IList<string> PluginFiles { get; set; }

    public virtual Assembly ReferencedAssembly { get; set; }

    public virtual bool ShowInPluginsList { get; set; } = true;
}
