namespace QfPaySimulator;

/// <summary>The hash named by the optional <c>X-QF-SIGNTYPE</c> header (docs/qfpay-protocol.md §2.2, §3.1 step 6).</summary>
public enum SignatureAlgorithm
{
    Md5,
    Sha256,
}
