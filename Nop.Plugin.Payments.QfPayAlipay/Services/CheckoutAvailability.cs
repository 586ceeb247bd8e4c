using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;

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
public class CheckoutAvailability
{
    public virtual AvailabilityVerdict Evaluate(QfPayAlipaySettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.AppCode))
            return AvailabilityVerdict.Hidden("no QFPay app code is configured");

        if (string.IsNullOrWhiteSpace(settings.ClientKey))
            return AvailabilityVerdict.Hidden("no QFPay client key is configured");

        if (settings.Environment == QfPayEnvironment.Custom
            && !Uri.TryCreate(settings.CustomBaseUrl, UriKind.Absolute, out _))
            return AvailabilityVerdict.Hidden("the environment is Custom but no valid custom base URL is configured");

        if (string.IsNullOrWhiteSpace(settings.ChargeCurrency))
            return AvailabilityVerdict.Hidden("no charge currency is configured");

        return AvailabilityVerdict.Available;
    }
}
