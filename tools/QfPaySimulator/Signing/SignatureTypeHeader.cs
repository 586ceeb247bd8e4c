namespace QfPaySimulator.Signing;

/// <summary>Reads <c>X-QF-SIGNTYPE</c>: absent means MD5, otherwise <c>MD5</c> or <c>SHA256</c> (docs/qfpay-protocol.md §2.2).</summary>
internal static class SignatureTypeHeader
{
    public const string Name = "X-QF-SIGNTYPE";

    public static bool TryParse(string? value, out SignatureAlgorithm algorithm)
    {
        algorithm = SignatureAlgorithm.Md5;
        if (string.IsNullOrEmpty(value) || value.Equals("MD5", StringComparison.OrdinalIgnoreCase))
            return true;

        if (value.Equals("SHA256", StringComparison.OrdinalIgnoreCase))
        {
            algorithm = SignatureAlgorithm.Sha256;
            return true;
        }

        return false;
    }
}
