using NopSurfaceTool;

return CommandLine.Run(args, Console.Out, Console.Error);
