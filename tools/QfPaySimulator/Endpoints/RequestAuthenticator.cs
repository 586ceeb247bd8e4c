using QfPaySimulator.Signing;

namespace QfPaySimulator.Endpoints;

/// <summary>
/// Checks what QFPay checks before looking at the business fields: the app code (docs/qfpay-protocol.md §2.2), the signature over
/// exactly the non-empty fields received (§3.1, §3.2) and the mchid discipline (§2.3).
/// </summary>
internal sealed class RequestAuthenticator(MerchantDirectory merchants)
{
    public (SimulatedMerchant? Merchant, ApiReply? Rejection) Authenticate(ApiRequest request)
    {
        var appCode = request.Header("X-QF-APPCODE");
        var merchant = merchants.Find(appCode);
        if (merchant is null)
        {
            var message = string.IsNullOrEmpty(appCode) ? "X-QF-APPCODE header is missing" : $"app code {appCode} is unknown";
            return (null, ApiReply.Error(ResponseCodes.UnknownAppCode, "app code is unknown", message));
        }

        if (!SignatureTypeHeader.TryParse(request.Header(SignatureTypeHeader.Name), out var algorithm))
            return (null, ApiReply.Error(ResponseCodes.SignatureError, "signature error", "X-QF-SIGNTYPE must be MD5 or SHA256"));

        var presented = request.Header("X-QF-SIGN");
        if (string.IsNullOrEmpty(presented))
            return (null, ApiReply.Error(ResponseCodes.SignatureError, "signature error", "X-QF-SIGN header is missing"));

        var expected = RequestSignature.Compute(request.Fields, merchant.ClientKey, algorithm);
        if (!RequestSignature.Matches(presented, expected))
            return (null, ApiReply.Error(ResponseCodes.SignatureError, "signature error", $"X-QF-SIGN does not match the {(algorithm == SignatureAlgorithm.Sha256 ? "SHA256" : "MD5")} signature of the fields received"));

        // Send mchid if and only if QFPay issued one; the simulator also refuses an empty mchid field from a
        // merchant without one, as docs/qfpay-protocol.md §11 item 15 warns against it.
        var sentMchid = request.Fields.TryGetValue("mchid", out var mchid);
        if (merchant.MerchantId is null && sentMchid)
            return (null, ApiReply.ParameterError("mchid must not be sent: this merchant has none"));
        if (merchant.MerchantId is not null && string.IsNullOrEmpty(mchid))
            return (null, ApiReply.ParameterError("mchid is required for this merchant"));
        if (merchant.MerchantId is not null && !string.Equals(mchid, merchant.MerchantId, StringComparison.Ordinal))
            return (null, ApiReply.ParameterError("mchid does not belong to this app code"));

        return (merchant, null);
    }
}
