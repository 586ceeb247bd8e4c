using System.Globalization;

namespace QfPayAlipay.Benchmarks;

/// <summary>Run sizes; the defaults are the "short run" whose figures the README quotes.</summary>
public sealed record BenchmarkOptions(int Requests, int Concurrency, int Rounds, int Checkouts, int WarmUpSeconds)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(Requests: 20_000, Concurrency: 16, Rounds: 9, Checkouts: 60, WarmUpSeconds: 10);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--requests" => options with { Requests = value },
                "--concurrency" => options with { Concurrency = value },
                "--rounds" => options with { Rounds = value },
                "--checkouts" => options with { Checkouts = value },
                "--warmup-seconds" => options with { WarmUpSeconds = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --requests, --concurrency, --rounds, --checkouts, --warmup-seconds."),
            };
        }

        return options;
    }
}
