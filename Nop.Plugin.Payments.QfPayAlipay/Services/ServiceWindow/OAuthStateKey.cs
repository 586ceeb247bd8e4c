using System.Security.Cryptography;
using System.Text;
using Nop.Plugin.Payments.QfPayAlipay.Alipay;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.ServiceWindow;

/// <summary>
/// The key that signs the 800107 authorisation <c>state</c> (<see cref="OAuthState"/>), derived from the store's QFPay
/// client key with HKDF-SHA256 and the label <see cref="Label"/>.
/// </summary>
/// <remarks>
/// Derived rather than stored so that no new secret has to be generated, kept and copied: every web node of a farm
/// already shares the client key, so every node derives the same state key, and a callback that lands on another
/// node still verifies. HKDF with its own label keeps the derived key independent of the client key's own use
/// (QFPay signatures): knowing one state key reveals nothing about the client key. Rotating the client key
/// invalidates authorisations that are in flight (at most <see cref="ServiceWindowAuthorizer.StateLifetime"/>), which
/// only costs the shopper a fresh silent authorisation.
/// </remarks>
public static class OAuthStateKey
{
    public const string Label = "qfpay-alipay-oauth-state";

    /// <summary>The state signer for a store, or null when the store has no client key (then nothing is offered anyway).</summary>
    public static OAuthState? For(QfPayAlipaySettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var clientKey = settings.ClientKey?.Trim();
        if (string.IsNullOrEmpty(clientKey))
            return null;

        var key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(clientKey), OAuthState.MinimumKeyBytes,
            salt: [], info: Encoding.ASCII.GetBytes(Label));
        try
        {
            return new OAuthState(key, timeProvider);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}
