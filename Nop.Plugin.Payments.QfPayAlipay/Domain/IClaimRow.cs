namespace Nop.Plugin.Payments.QfPayAlipay.Domain;

/// <summary>A row whose unique <see cref="ClaimKey"/> makes its INSERT a lock that works across web nodes.</summary>
public interface IClaimRow
{
    string ClaimKey { get; }
}
