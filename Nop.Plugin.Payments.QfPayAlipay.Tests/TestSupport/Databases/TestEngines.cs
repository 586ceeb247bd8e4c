using System.Collections.Concurrent;
using Nop.Plugin.Payments.QfPayAlipay.Tests.Proof;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>
/// The engines this run can reach. SQLite always; PostgreSQL and MariaDB through the connection strings in
/// <see cref="PostgreSqlEngine.Variable"/> and <see cref="MariaDbEngine.Variable"/>, which .ci/run sets after starting the
/// servers (.ci/engines.sh). Without one, a suite on that engine is ignored with the reason, so a plain local
/// <c>dotnet test</c> says what it skipped; with CI=true it fails instead: CI never skips the engine suites.
/// </summary>
public static class TestEngines
{
    public static readonly EngineKind[] All = [EngineKind.Sqlite, EngineKind.PostgreSql, EngineKind.MariaDb];

    private static readonly ConcurrentDictionary<EngineKind, Lazy<Task<(TestEngine? Engine, string? Missing)>>> Reached = new();

    private static readonly ConcurrentDictionary<EngineKind, bool> Reported = new();

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The engine, or the test stops here: ignored with the reason locally, failed on CI.</summary>
    public static async Task<TestEngine> RequireAsync(EngineKind kind)
    {
        var (engine, missing) = await Reached.GetOrAdd(kind, static k => new Lazy<Task<(TestEngine?, string?)>>(() => ReachAsync(k))).Value;
        if (engine is not null)
            return engine;

        if (Reported.TryAdd(kind, true))
            ProofLog.WriteLine($"[Engines] {NameOf(kind)} suites {(IsCi ? "FAIL" : "skipped")}: {missing}");
        if (IsCi)
            Assert.Fail($"{missing}. CI=true: the engine suites are never skipped on CI (.ci/run starts the engines).");
        Assert.Ignore(missing!);
        throw new InvalidOperationException("unreachable");
    }

    private static string NameOf(EngineKind kind) => kind switch
    {
        EngineKind.PostgreSql => "PostgreSQL",
        EngineKind.MariaDb => "MariaDB",
        _ => "SQLite",
    };

    private static async Task<(TestEngine?, string?)> ReachAsync(EngineKind kind)
    {
        switch (kind)
        {
            case EngineKind.Sqlite:
                return (new SqliteEngine(), null);

            case EngineKind.PostgreSql:
            {
                var connectionString = Environment.GetEnvironmentVariable(PostgreSqlEngine.Variable);
                if (string.IsNullOrWhiteSpace(connectionString))
                    return (null, $"{PostgreSqlEngine.Variable} is not set, so no PostgreSQL server was started for this run (.ci/run starts one; see README)");
                var engine = new PostgreSqlEngine(connectionString);
                return await TryConnectAsync(engine, engine.ConnectAsync, PostgreSqlEngine.Variable);
            }

            case EngineKind.MariaDb:
            {
                var connectionString = Environment.GetEnvironmentVariable(MariaDbEngine.Variable);
                if (string.IsNullOrWhiteSpace(connectionString))
                    return (null, $"{MariaDbEngine.Variable} is not set, so no MariaDB server was started for this run (.ci/run starts one; see README)");
                var engine = new MariaDbEngine(connectionString);
                return await TryConnectAsync(engine, engine.ConnectAsync, MariaDbEngine.Variable);
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private static async Task<(TestEngine?, string?)> TryConnectAsync(TestEngine engine, Func<Task> connect, string variable)
    {
        try
        {
            await connect();
            ProofLog.WriteLine($"[Engines] {engine.Label} reached through {variable}");
            return (engine, null);
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException
                                              or InvalidOperationException)
        {
            return (null, $"{variable} is set but {engine.Name} cannot be reached: {exception.GetType().Name}: {exception.Message}");
        }
    }
}
