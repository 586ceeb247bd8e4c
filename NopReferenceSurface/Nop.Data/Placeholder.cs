namespace Nop.Data;

// The plugin uses nothing from Nop.Data yet. The project exists so that the set of reference assemblies
// matches nopCommerce's; this internal marker keeps it compiling without adding public surface.
internal static class Placeholder
{
}
