using System.Globalization;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>
/// Claim keys: the kind of fact, QFPay's syssn (unique per transaction at QFPay) and a generation that grows only when
/// an abandoned claim is taken over. A syssn is at most 40 characters (API.md §4.4), so every key fits.
/// </summary>
public static class SettlementClaimKeys
{
    public const int MaxLength = 100;

    /// <summary>Settles a paid payment; idempotency key notify_type + syssn (API.md §6.6).</summary>
    public static string Payment(string syssn, int generation) => Key("payment", syssn, generation);

    /// <summary>Writes the order note about a mismatching payment once, however often QFPay repeats it.</summary>
    public static string Mismatch(string syssn) => Key("mismatch", syssn, 1);

    private static string Key(string kind, string syssn, int generation) =>
        string.Create(CultureInfo.InvariantCulture, $"{kind}:{syssn.Trim()}#{generation}");
}
