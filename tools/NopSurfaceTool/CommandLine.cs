using NopSurfaceTool.Surface;

namespace NopSurfaceTool;

/// <summary>Argument parsing and usage text; each command's work lives in its own namespace.</summary>
public static class CommandLine
{
    public const string Usage = """
        NopSurfaceTool: public surface of nopCommerce assemblies and plugin binding checks.

        usage:
          surface <dll>...
              Prints the public surface of the given assemblies, one fact per line, sorted ordinally,
              in the line format of nop-4.90.6-surface.txt. Warnings go to stderr.
          verify <plugin.dll | plugin.zip> <folder of nopCommerce assemblies>
              Loads the plugin against that folder the way nopCommerce does (by simple name) and resolves every
              type, member and signature its IL references, its base types and interfaces and custom attributes,
              and JIT-compiles its methods. Exit code 1 if anything fails.
          check <manifest file> <real surface file> [<plugin dll>]
              Every manifest line must be in the real surface; with a plugin, every real member of the Nop.*
              interfaces and base classes it uses must be in the manifest. Exit code 1 on differences;
              0 with a notice if the real surface file does not exist.
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var rest = args[1..];
        switch (args[0])
        {
            case "surface" when rest.Length > 0:
                return RunSurface(rest, output, error);
            case "verify" when rest.Length == 2:
                return Commands.Verify(rest[0], rest[1], output, error);
            case "check" when rest.Length is 2 or 3:
                return Commands.Check(rest[0], rest[1], rest.Length == 3 ? rest[2] : null, output, error);
            default:
                error.WriteLine($"unknown command or wrong arguments: {string.Join(' ', args)}");
                error.WriteLine(Usage);
                return 2;
        }
    }

    private static int RunSurface(string[] dlls, TextWriter output, TextWriter error)
    {
        var missing = dlls.Where(d => !File.Exists(d)).ToList();
        foreach (var path in missing)
            error.WriteLine($"not found: {path}");
        if (missing.Count > 0)
            return 2;

        var lines = SurfaceWriter.Describe(dlls, warning => error.WriteLine("warning: " + warning));
        SurfaceWriter.Write(lines, output);
        output.Flush();
        return 0;
    }
}
