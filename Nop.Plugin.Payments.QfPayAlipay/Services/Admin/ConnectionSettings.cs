using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Admin;

/// <summary>What a connection test needs: where QFPay is and the credentials to sign with.</summary>
public sealed record ConnectionSettings(
    QfPayEnvironment Environment,
    string? CustomBaseUrl,
    string? AppCode,
    string? ClientKey,
    string? MerchantId,
    QfPaySignType SignType)
{
    /// <summary>Never prints the key, so the record is safe in a log line or an assertion message.</summary>
    public override string ToString() =>
        $"ConnectionSettings {{ Environment = {Environment}, CustomBaseUrl = {CustomBaseUrl}, AppCode = {AppCode}, " +
        $"ClientKey = {ClientKeyMask.For(ClientKey) ?? "(none)"}, MerchantId = {MerchantId}, SignType = {SignType} }}";
}
