using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using QfPaySimulator.Hosting;

namespace QfPaySimulator;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var options = new SimulatorOptions();
        CommandLineSettings settings;
        try
        {
            settings = CommandLineSettings.Apply(args, options);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            await Console.Error.WriteLineAsync(CommandLineSettings.Usage);
            return 2;
        }

        if (settings.ShowHelp)
        {
            Console.WriteLine(CommandLineSettings.Usage);
            return 0;
        }

        await using var app = SimulatorApplication.BuildStandalone(options, args);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        StartupBanner.Write(Console.Out, addresses.ToArray(), options, app.Services.GetRequiredService<Alipay.AlipayKeyring>().App);
        await app.WaitForShutdownAsync();
        return 0;
    }
}
