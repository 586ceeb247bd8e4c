using NopSurfaceTool.Surface;

namespace NopSurfaceTool.Tests.Surface;

/// <summary>The surface of the SurfaceShapes fixture, computed once for all formatting tests.</summary>
internal static class SurfaceShapesOutput
{
    private static readonly Lazy<IReadOnlyList<string>> Computed = new(() => SurfaceWriter.Describe([FixtureAssemblies.SurfaceShapes]));

    public static IReadOnlyList<string> Lines => Computed.Value;

    public static IReadOnlyList<string> LinesOfType(string typeName) =>
        Lines.Where(l => l.Split(' ')[l.StartsWith("T ", StringComparison.Ordinal) ? 3 : 1] == typeName).ToList();
}
