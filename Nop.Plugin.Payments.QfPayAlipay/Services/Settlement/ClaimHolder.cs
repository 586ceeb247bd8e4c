using System.ComponentModel;
using System.Globalization;
using System.Security.Cryptography;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;

/// <summary>How long settlement trusts, waits for and renews a holder of an order's claim.</summary>
/// <param name="Lease">
/// A claim not renewed for this long was left by a holder that died, and is taken over. The holder renews it every
/// <paramref name="RenewEvery"/> while it works (nopCommerce's mark-paid sends e-mails and can take seconds), so a live
/// holder never loses it, and a dead one is replaced well before QFPay's second delivery (2 minutes after the first).
/// </param>
/// <param name="RenewEvery">How often a working holder renews its lease.</param>
/// <param name="WaitForHolder">
/// How long a second report of the same order waits for the holder to finish, so that QFPay gets SUCCESS at once instead
/// of a retry; kept well under the few seconds a notification sender waits for an answer.
/// </param>
/// <param name="PollInterval">How often the claim is re-read while waiting.</param>
public sealed record SettlementTimings(TimeSpan Lease, TimeSpan RenewEvery, TimeSpan WaitForHolder, TimeSpan PollInterval)
{
    public static SettlementTimings Default { get; } = new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(100));

    /// <summary>A holder marks the order paid only while at least this much of its lease is left (clock skew, a slow statement).</summary>
    public TimeSpan SafetyMargin => TimeSpan.FromTicks(Lease.Ticks / 3);
}

/// <summary>
/// This web process as the holder of settlement claims: its token names the machine, the process and when the process
/// started, plus a random part. A claim held by a process of this same machine that no longer runs is known to be
/// abandoned at once, so the next delivery after a crash and restart completes the payment instead of waiting out the
/// lease; a holder on another machine, or one still running here (e.g. the old process of an overlapping restart), is
/// trusted until its lease runs out.
/// </summary>
public class ClaimHolder
{
    private const char Separator = '/';

    private static readonly Lazy<ClaimHolder> Process = new(static () =>
    {
        using var current = System.Diagnostics.Process.GetCurrentProcess();
        return new ClaimHolder(Environment.MachineName, Environment.ProcessId, StartTicks(current));
    });

    private readonly string _machine;

    protected ClaimHolder(string machine, int processId, long startTicks)
    {
        _machine = Clean(machine);
        Token = Shorten(string.Join(Separator, _machine, processId.ToString(CultureInfo.InvariantCulture),
            startTicks.ToString(CultureInfo.InvariantCulture), Convert.ToHexString(RandomNumberGenerator.GetBytes(6))));
    }

    /// <summary>A holder with a token of its own making (another kind of node identity, or a test's).</summary>
    protected ClaimHolder(string token)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        _machine = string.Empty;
        Token = Shorten(token);
    }

    /// <summary>This process.</summary>
    public static ClaimHolder Current => Process.Value;

    /// <summary>What this process writes into the claims it holds (at most <see cref="Domain.QfPaySettlementClaim.HolderTokenMaxLength"/> characters).</summary>
    public string Token { get; }

    /// <summary>
    /// True only when <paramref name="token"/> names a process of this machine that is no longer running (or that
    /// started at another time: its id was reused). Unknown, foreign and live holders are not gone.
    /// </summary>
    public virtual bool IsGone(string? token)
    {
        if (string.IsNullOrEmpty(token) || string.Equals(token, Token, StringComparison.Ordinal))
            return false;

        var parts = token.Split(Separator);
        if (parts.Length < 4 || !string.Equals(parts[0], _machine, StringComparison.Ordinal)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var startTicks))
        {
            return false;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return StartTicks(process) != startTicks;
        }
        catch (ArgumentException)
        {
            // No process with that id runs on this machine.
            return true;
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Not allowed to look (or it exited while looking): trust the lease instead.
            return false;
        }
    }

    private static long StartTicks(System.Diagnostics.Process process)
    {
        try
        {
            return process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception exception) when (exception is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return 0;
        }
    }

    private static string Clean(string machine) =>
        new([.. machine.Where(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.').Take(40)]);

    private static string Shorten(string token) =>
        token.Length <= Domain.QfPaySettlementClaim.HolderTokenMaxLength ? token : token[..Domain.QfPaySettlementClaim.HolderTokenMaxLength];
}
