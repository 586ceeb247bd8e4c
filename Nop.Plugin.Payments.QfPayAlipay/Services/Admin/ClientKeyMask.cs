namespace Nop.Plugin.Payments.QfPayAlipay.Services.Admin;

/// <summary>
/// How the configure page shows the stored client key: enough for an admin to recognise which key is stored,
/// never enough to use it.
/// </summary>
public static class ClientKeyMask
{
    public const string Bullets = "••••";

    /// <summary>Below this length the last 4 characters would give away too much of the key; only bullets are shown.</summary>
    public const int MinLengthToShowEnd = 12;

    /// <summary>"•••• 2C8E" for a QFPay key, "••••" for a short one, null when there is no key.</summary>
    public static string? For(string? clientKey)
    {
        var key = clientKey?.Trim();
        if (string.IsNullOrEmpty(key))
            return null;

        return key.Length < MinLengthToShowEnd ? Bullets : $"{Bullets} {key[^4..]}";
    }
}
