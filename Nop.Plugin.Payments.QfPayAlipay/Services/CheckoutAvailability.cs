namespace Nop.Plugin.Payments.QfPayAlipay.Services;

/// <summary>Whether shoppers may be offered the method, and if not, a reason an admin can act on.</summary>
public sealed record AvailabilityVerdict(bool IsAvailable, string? Reason)
{
    public static AvailabilityVerdict Available { get; } = new(true, null);

    public static AvailabilityVerdict Hidden(string reason) => new(false, reason);
}

/// <summary>Why shoppers are not offered the method; the configure page says each one with where it is fixed.</summary>
public enum HiddenReasonKind
{
    NoAppCode,
    NoClientKey,
    NoChargeCurrency,
    InvalidConnection,
    UnsupportedCurrency,
    UnsupportedPayType,
    AlipayHongKongNeedsHkd,
    ServiceWindowNotSetUp,
    ServiceWindowUnusable,
    CurrencyNotInStore,
    CurrencyNotPublished,
}

/// <summary>One reason the method is hidden at checkout.</summary>
/// <param name="Detail">The reason in English for the log, lower case and without a full stop.</param>
/// <param name="Argument">What the admin's text names: a currency code, a pay type, or what is wrong with the settings.</param>
/// <param name="CurrencyId">The store's currency the reason is about, when there is one.</param>
public sealed record HiddenReason(HiddenReasonKind Kind, string Detail, string? Argument = null, int CurrencyId = 0);

/// <summary>
/// Decides whether the payment method can take a payment with the current settings. Checked before the
/// method is listed at checkout, so a half-configured store never sends a shopper to a dead end.
/// </summary>
/// <remarks>
/// Only the plain "nothing entered yet" cases live here, with reasons an admin recognises; whether the entered
/// values make a usable QFPay account (base URL, key format) is <see cref="MerchantAccount.From"/>'s job, which
/// every caller asks next.
/// </remarks>
public class CheckoutAvailability
{
    public virtual AvailabilityVerdict Evaluate(QfPayAlipaySettings settings) =>
        Reasons(settings) is [var first, ..] ? AvailabilityVerdict.Hidden(first.Detail) : AvailabilityVerdict.Available;

    /// <summary>Every setting that is still missing, in the order an admin fills them in.</summary>
    public virtual IReadOnlyList<HiddenReason> Reasons(QfPayAlipaySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var reasons = new List<HiddenReason>();
        if (string.IsNullOrWhiteSpace(settings.AppCode))
            reasons.Add(new HiddenReason(HiddenReasonKind.NoAppCode, "no QFPay app code is configured"));

        if (string.IsNullOrWhiteSpace(settings.ClientKey))
            reasons.Add(new HiddenReason(HiddenReasonKind.NoClientKey, "no QFPay client key is configured"));

        if (string.IsNullOrWhiteSpace(settings.ChargeCurrency))
            reasons.Add(new HiddenReason(HiddenReasonKind.NoChargeCurrency, "no charge currency is configured"));

        return reasons;
    }
}
