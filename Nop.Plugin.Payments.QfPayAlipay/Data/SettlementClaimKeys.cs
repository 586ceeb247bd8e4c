using System.Globalization;

namespace Nop.Plugin.Payments.QfPayAlipay.Data;

/// <summary>Keys of <see cref="Domain.QfPaySettlementClaim"/> rows. A syssn is at most 40 characters, so every key fits.</summary>
public static class SettlementClaimKeys
{
    public const int MaxLength = 100;

    /// <summary>The prefix of <see cref="Order"/> keys (reconciliation lists abandoned ones by it).</summary>
    public const string OrderPrefix = "order:";

    /// <summary>
    /// The right to decide which QFPay payment pays order <paramref name="orderId"/>: one row per order ever, whatever
    /// the number of payments, entry points or web nodes (docs/money-invariants.md, "One order, one charge").
    /// </summary>
    public static string Order(int orderId) => string.Create(CultureInfo.InvariantCulture, $"{OrderPrefix}{orderId}");

    /// <summary>Writes the order note about a mismatching payment once, however often QFPay repeats it.</summary>
    public static string Mismatch(string syssn) => $"mismatch:{syssn.Trim()}";
}
