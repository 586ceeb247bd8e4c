
namespace Nop.Plugin.Payments.QfPayAlipay.Services;

/// <summary>Whether shoppers may be offered the method, and if not, a reason an admin can act on.</summary>
public sealed record AvailabilityVerdict(bool IsAvailable, string? Reason)
{
    public static AvailabilityVerdict Available { get; } = new(true, null);

    public static AvailabilityVerdict Hidden(string reason) => new(false, reason);
}

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
    public virtual AvailabilityVerdict Evaluate(QfPayAlipaySettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.AppCode))
            return AvailabilityVerdict.Hidden("no QFPay app code is configured");

        if (string.IsNullOrWhiteSpace(settings.ClientKey))
            return AvailabilityVerdict.Hidden("no QFPay client key is configured");

        if (string.IsNullOrWhiteSpace(settings.ChargeCurrency))
            return AvailabilityVerdict.Hidden("no charge currency is configured");

        return AvailabilityVerdict.Available;
    }
}
