using System.Collections.Frozen;

namespace QfPaySimulator.Endpoints;

/// <summary>Field formats QFPay documents for payment, query and refund requests.</summary>
internal static class FieldRules
{
    /// <summary>QFPay's currency list (docs/qfpay-protocol.md §9.1).</summary>
    public static readonly FrozenSet<string> Currencies = FrozenSet.ToFrozenSet(
        ["AED", "AUD", "CAD", "CNY", "EUR", "HKD", "IDR", "JPY", "MMK", "MYR", "SGD", "THB", "USD"], StringComparer.Ordinal);

    public const string AlipayCrossBorderWap = "801107";
    public const string AlipayHkWap = "801512";
    public const string AlipayServiceWindow = "800107";

    /// <summary>The three pay types this simulator plays (docs/qfpay-protocol.md §4.1).</summary>
    public static readonly FrozenSet<string> PayTypes = FrozenSet.ToFrozenSet(
        [AlipayCrossBorderWap, AlipayHkWap, AlipayServiceWindow], StringComparer.Ordinal);

    /// <summary>
    /// txamt is Int(11) in minor units sent as digits (docs/qfpay-protocol.md §4.2, §9.3). Leading zeros are refused: QFPay does not
    /// say, and a client sending them has a formatting bug worth seeing.
    /// </summary>
    public static bool TryParseAmount(string? text, out long amount)
    {
        amount = 0;
        if (text is null || text.Length is 0 or > 11 || text[0] == '0' || !text.All(char.IsAsciiDigit))
            return false;

        amount = long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    public static bool IsAbsoluteHttpUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
