using System.Security.Cryptography;
using System.Text;

namespace Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;

/// <summary>
/// Checks that a notification comes from QFPay: <c>X-QF-SIGN</c> must equal MD5 over the exact raw body
/// bytes followed by the client key's bytes (docs/qfpay-protocol.md §6.3). Unlike request signing there is no sorting,
/// and the body must never be re-serialised (vector N1: a compact re-serialisation hashes differently).
/// </summary>
public static class NotificationVerifier
{
    private const int Md5HexLength = 32;

    /// <param name="rawBody">The body exactly as received, before any JSON parsing.</param>
    /// <param name="signatureHeader">The <c>X-QF-SIGN</c> header value, or null when absent.</param>
    /// <param name="clientKey">The client key of the app code QFPay notifies for.</param>
    public static NotificationVerification Verify(ReadOnlySpan<byte> rawBody, string? signatureHeader, string? clientKey)
    {
        if (string.IsNullOrWhiteSpace(signatureHeader))
        {
            return Reject(NotificationVerificationFailure.MissingSignatureHeader,
                "The notification has no X-QF-SIGN header, although QFPay signs every notification. It was sent by " +
                "someone else, or a proxy in front of the store removes the header");
        }

        // Hex digits only, either case: QFPay's samples use both (docs/qfpay-protocol.md §11.4, §12 C2).
        var signature = signatureHeader.Trim();
        if (signature.Length != Md5HexLength || !IsAsciiHex(signature))
        {
            return Reject(NotificationVerificationFailure.MalformedSignatureHeader,
                $"The X-QF-SIGN header is not a {Md5HexLength}-digit hexadecimal MD5 digest. A proxy may rewrite it, " +
                "or the notification was not signed by QFPay");
        }

        if (rawBody.IsEmpty)
        {
            return Reject(NotificationVerificationFailure.EmptyBody,
                "The notification body is empty, and the signature covers the exact body. Something in front of the " +
                "plugin may have read the body before it (request buffering must be on)");
        }

        if (string.IsNullOrEmpty(clientKey))
        {
            return Reject(NotificationVerificationFailure.MissingClientKey,
                "No client key is configured, so the notification cannot be verified; enter the store's QFPay client key");
        }

        var authentic = CryptographicOperations.FixedTimeEquals(ComputeSignature(rawBody, clientKey), Convert.FromHexString(signature));

        return authentic
            ? NotificationVerification.Authentic
            : Reject(NotificationVerificationFailure.SignatureMismatch,
                "The X-QF-SIGN header does not match MD5(raw body + client key). Check that the stored key is the " +
                "client key of the app code QFPay notifies for (test and production keys differ, and some merchants " +
                "have one key per pay type), and that nothing in front of the store changes the body");
    }

    /// <summary>MD5(raw body bytes + UTF-8 key bytes); internal so tests can sign bodies the same way.</summary>
    internal static byte[] ComputeSignature(ReadOnlySpan<byte> rawBody, string clientKey)
    {
        byte[] signed = [.. rawBody, .. Encoding.UTF8.GetBytes(clientKey)];
        try
        {
            return MD5.HashData(signed);
        }
        finally
        {
            // It holds the key.
            CryptographicOperations.ZeroMemory(signed);
        }
    }

    private static bool IsAsciiHex(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
                return false;
        }

        return true;
    }

    private static NotificationVerification Reject(NotificationVerificationFailure failure, string reason) =>
        NotificationVerification.Rejected(failure, reason);
}

/// <summary>Why a notification was not accepted as QFPay's.</summary>
public enum NotificationVerificationFailure
{
    None,
    MissingSignatureHeader,
    MalformedSignatureHeader,
    EmptyBody,
    MissingClientKey,
    SignatureMismatch,
}

/// <summary>
/// The verdict on a notification's <c>X-QF-SIGN</c>. <see cref="Reason"/> says what to check and is safe to
/// log: it never contains the client key, the expected signature or the body.
/// </summary>
public sealed record NotificationVerification
{
    private NotificationVerification(NotificationVerificationFailure failure, string reason)
    {
        Failure = failure;
        Reason = reason;
    }

    public static NotificationVerification Authentic { get; } =
        new(NotificationVerificationFailure.None, "The X-QF-SIGN header matches MD5(raw body + client key).");

    public bool IsAuthentic => Failure == NotificationVerificationFailure.None;

    public NotificationVerificationFailure Failure { get; }

    public string Reason { get; }

    internal static NotificationVerification Rejected(NotificationVerificationFailure failure, string reason) => new(failure, reason);

    public override string ToString() => IsAuthentic ? "Authentic" : $"{Failure}: {Reason}";
}
