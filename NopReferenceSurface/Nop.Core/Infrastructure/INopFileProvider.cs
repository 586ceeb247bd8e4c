namespace Nop.Core.Infrastructure;

/// <summary>Reference surface (subset): nopCommerce's file system; named only by DataSettingsManager.LoadSettings.</summary>
public partial interface INopFileProvider
{
}
