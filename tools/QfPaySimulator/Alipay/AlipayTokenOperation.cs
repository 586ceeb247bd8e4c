using System.Globalization;
using System.Security.Cryptography;
using QfPaySimulator.Trades;

namespace QfPaySimulator.Alipay;

/// <summary>
/// The fake gateway's one method, <c>alipay.system.oauth.token</c> with <c>grant_type=authorization_code</c>
/// (docs/qfpay-protocol.md §10.2 step 4). Checks run in this order: app id, common parameters, the request's RSA2 signature (with the
/// app's public key), method, grant type, then the code, which is spent only by a correctly signed request. Error codes
/// are Alipay's public ones (40001 missing, 40002 invalid); sub codes starting <c>sim.</c> are the simulator's own.
/// </summary>
internal sealed class AlipayTokenOperation(AlipayKeyring keys, AlipayAuthCodeBook codes, QfPayClock clock)
{
    public const string Method = "alipay.system.oauth.token";

    private const string Member = "alipay_system_oauth_token_response";

    /// <summary>Alipay's token lifetimes are its business; these are plausible numbers for a shop that ignores them.</summary>
    private const long AccessTokenSeconds = 1_296_000;
    private const long RefreshTokenSeconds = 2_592_000;

    public AlipayGatewayReply Handle(IReadOnlyDictionary<string, string> parameters, string? formatProblem)
    {
        string? Value(string name) => parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        // Without a known app there is no Alipay key pair to sign with: such errors go out unsigned.
        if (Value("app_id") is not { } appId)
            return Missing("isv.missing-app-id", "app_id is missing", null);
        if (appId != keys.AppId)
            return AlipayGatewayReply.Error("40002", "Invalid Arguments", "isv.invalid-app-id", "app_id is not this simulator's Alipay app", null);

        using var alipayKey = keys.CreateAlipayPrivateKey();
        if (formatProblem is not null)
            return Invalid("sim.invalid-request", formatProblem, alipayKey);
        if (Value("method") is not { } method)
            return Missing("isv.missing-method", "method is missing", alipayKey);
        if (Value("sign") is not { } sign)
            return Missing("isv.missing-signature", "sign is missing", alipayKey);
        if (Value("sign_type") is not { } signType)
            return Missing("isv.missing-signature-type", "sign_type is missing", alipayKey);
        if (signType != "RSA2")
            return Invalid("isv.invalid-signature-type", "only RSA2 is simulated", alipayKey);
        if (Value("charset") is { } charset && !string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase))
            return Invalid("isv.invalid-charset", "only utf-8 is simulated", alipayKey);
        if (Value("format") is { } format && !string.Equals(format, "JSON", StringComparison.OrdinalIgnoreCase))
            return Invalid("isv.invalid-format", "format must be JSON", alipayKey);
        if (Value("timestamp") is not { } timestamp)
            return Missing("isv.missing-timestamp", "timestamp is missing", alipayKey);
        if (!DateTime.TryParseExact(timestamp, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            return Invalid("isv.invalid-timestamp", "timestamp must be yyyy-MM-dd HH:mm:ss (China time)", alipayKey);
        if (Value("version") is not { } version)
            return Missing("isv.missing-version", "version is missing", alipayKey);
        if (version != "1.0")
            return Invalid("isv.invalid-version", "version must be 1.0", alipayKey);

        using (var appPublicKey = keys.CreateAppPublicKey())
        {
            if (!AlipayRequestSignature.Verify(parameters, sign, appPublicKey))
                return Invalid("isv.invalid-signature", "the request's RSA2 signature does not verify with the app's public key", alipayKey);
        }

        if (method != Method)
            return Invalid("isv.invalid-method", $"only {Method} is simulated", alipayKey);
        if (Value("grant_type") != "authorization_code")
            return Invalid("isv.grant-type-invalid", "only grant_type authorization_code is simulated", alipayKey);

        // Alipay's wording for this sub code; it does not say whether the code was unknown, spent or expired.
        if (Value("code") is not { } code || codes.Redeem(appId, code) is not { } userId)
            return Invalid("isv.code-invalid", "授权码code无效", alipayKey);

        return AlipayGatewayReply.Create(Member,
        [
            new("user_id", userId),
            new("access_token", "authbse" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))),
            new("expires_in", AccessTokenSeconds),
            new("refresh_token", "authbse" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))),
            new("re_expires_in", RefreshTokenSeconds),
            new("auth_start", QfPayClock.Text(clock.Now)),
        ], alipayKey);
    }

    private static AlipayGatewayReply Missing(string subCode, string subMsg, RSA? alipayKey) =>
        AlipayGatewayReply.Error("40001", "Missing Required Arguments", subCode, subMsg, alipayKey);

    private static AlipayGatewayReply Invalid(string subCode, string subMsg, RSA? alipayKey) =>
        AlipayGatewayReply.Error("40002", "Invalid Arguments", subCode, subMsg, alipayKey);
}
