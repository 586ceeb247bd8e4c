using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using LinqToDB.Interceptors;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>
/// Every command the simulated web nodes send to one test database through nopCommerce's data layer (repositories and
/// the data provider's raw statements), in order: what a notification costs the database, counted rather than timed.
/// A failing INSERT counts too: the engine received and rejected it. Reads the tests make for their assertions do not
/// pass through here.
/// </summary>
public sealed partial class StatementLog : CommandInterceptor
{
    private readonly ConcurrentQueue<string> _statements = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public override DbCommand CommandInitialized(CommandEventData eventData, DbCommand command)
    {
        _statements.Enqueue(Describe(command.CommandText));
        Interlocked.Increment(ref _count);
        return command;
    }

    /// <summary>Where the log stands now; <see cref="Since"/> lists what came after.</summary>
    public int Mark() => Count;

    /// <summary>The statements after <paramref name="mark"/>, each as "attempt SELECT", "claim INSERT", ...</summary>
    public IReadOnlyList<string> Since(int mark) => _statements.Skip(mark).ToList();

    /// <summary>"attempt SELECT, health SELECT, health INSERT": a statement's kind and the plugin table it names first.</summary>
    public static string Describe(string sql)
    {
        var verb = Verb().Match(sql) is { Success: true } v ? v.Groups[1].Value.ToUpperInvariant() : "OTHER";
        var table = Table().Match(sql) is { Success: true } t ? t.Groups[1].Value : null;
        var name = table switch
        {
            "QfPayPaymentAttempt" => "attempt",
            "QfPaySettlementClaim" => "claim",
            "QfPayRefund" => "refund",
            "QfPayWorkClaim" => "work claim",
            "QfPayIntegrationEvent" => "health",
            null => "(no plugin table)",
            _ => table,
        };
        return $"{name} {verb}";
    }

    /// <summary>"attempt SELECT ×2, claim INSERT": consecutive equal statements folded, order kept.</summary>
    public static string Summarise(IEnumerable<string> statements)
    {
        var parts = new List<(string Statement, int Count)>();
        foreach (var statement in statements)
        {
            if (parts.Count > 0 && parts[^1].Statement == statement)
                parts[^1] = (statement, parts[^1].Count + 1);
            else
                parts.Add((statement, 1));
        }

        return parts.Count == 0 ? "none" : string.Join(", ", parts.Select(static p => p.Count == 1 ? p.Statement : $"{p.Statement} ×{p.Count}"));
    }

    [GeneratedRegex(@"^\W*(SELECT|INSERT|UPDATE|DELETE|WITH)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Verb();

    // Quoted "..." (PostgreSQL), `...` (MariaDB) or [...] (linq2db on SQLite).
    [GeneratedRegex(@"\b(QfPay[A-Za-z]+)\b")]
    private static partial Regex Table();
}
