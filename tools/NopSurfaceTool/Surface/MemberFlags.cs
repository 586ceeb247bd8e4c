using System.Reflection;

namespace NopSurfaceTool.Surface;

internal static class MemberFlags
{
    /// <summary>Everything a type itself declares; visibility is filtered afterwards by <see cref="AccessFormatter"/>.</summary>
    public const BindingFlags Declared =
        BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;
}
