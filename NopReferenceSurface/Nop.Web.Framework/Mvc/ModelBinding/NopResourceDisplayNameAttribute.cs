using System;
using System.ComponentModel;

namespace Nop.Web.Framework.Mvc.ModelBinding;

/// <summary>
/// Reference surface (complete): display name taken from a locale resource. The real attribute resolves the
/// localized text at run time; here DisplayName returns the resource key.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NopResourceDisplayNameAttribute : DisplayNameAttribute, IModelAttribute
{
    public NopResourceDisplayNameAttribute(string resourceKey)
        : base(resourceKey)
    {
        ResourceKey = resourceKey;
    }

    public string ResourceKey { get; set; }

    public override string DisplayName => ResourceKey;

    public string Name => nameof(NopResourceDisplayNameAttribute);
}
