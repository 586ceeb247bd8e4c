using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Nop.Plugin.Payments.QfPayAlipay.Alipay;

/// <summary>
/// Calls Alipay's open-platform gateway over a typed <see cref="HttpClient"/>
/// (<c>services.AddHttpClient&lt;AlipayOAuthClient&gt;()</c>). Stateless: the app comes with every call, so one
/// instance serves every store.
/// </summary>
/// <remarks>
/// Every call is sent once, never retried here: an <c>auth_code</c> works once (API.md §10.2 step 3), so a blind retry
/// after a lost answer can only fail; the caller decides (usually: restart the silent authorisation).
/// Nothing is logged here. The private key, the auth code and the signature never appear in a result.
/// </remarks>
public sealed class AlipayOAuthClient
{
    /// <summary>The token answer is a few hundred bytes; anything far larger is not Alipay's.</summary>
    internal const int MaxResponseBytes = 64 * 1024;

    /// <summary>Alipay's code for a successful business call, when a success answer carries a code at all.</summary>
    private const string SuccessCode = "10000";

    private const string InvalidCodeSubCode = "isv.code-invalid";

    /// <summary>QFPay's <c>openid</c> is String(64) (API.md §4.2).</summary>
    private const int MaxUserIdLength = 64;

    private static readonly MediaTypeHeaderValue FormContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");

    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;

    /// <param name="httpClient">From IHttpClientFactory; its BaseAddress is not used (the app says where to go).</param>
    /// <param name="timeProvider">Clock for <c>timestamp</c>; the system clock when null.</param>
    public AlipayOAuthClient(HttpClient httpClient, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _httpClient = httpClient;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// <c>alipay.system.oauth.token</c> with <c>grant_type=authorization_code</c> (API.md §10.2 step 4): the RSA2-signed
    /// request goes to <see cref="AlipayOpenApp.GatewayUrl"/>; the answer counts only if its signature verifies with
    /// <see cref="AlipayOpenApp.AlipayPublicKey"/>.
    /// </summary>
    public async Task<AlipayOAuthResult> ExchangeAuthCodeAsync(AlipayOpenApp app, string? authCode, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Validate() is { } appProblem)
            return AlipayOAuthResult.Failure(AlipayOAuthOutcome.InvalidRequest, appProblem);
        if (!AlipayOAuthTokenRequest.IsPlausibleAuthCode(authCode))
            return AlipayOAuthResult.Failure(AlipayOAuthOutcome.InvalidAuthCode, "The authorisation callback carried no usable auth_code.");

        var parameters = AlipayOAuthTokenRequest.Parameters(app.AppId, authCode!, _timeProvider.GetUtcNow());
        string sign;
        using (var privateKey = ImportOrThrow(app.PrivateKey, isPrivate: true))
            sign = AlipayRsa2Signer.SignParameters(parameters, privateKey);

        var form = new List<KeyValuePair<string, string>>(parameters.Select(static p => new KeyValuePair<string, string>(p.Key, p.Value!)))
        {
            new(AlipayRsa2Signer.SignParameter, sign),
        };

        var (status, body, transportFailure) = await PostAsync(app, form, cancellationToken).ConfigureAwait(false);
        if (transportFailure is not null)
            return transportFailure;

        return Interpret(app, status, body!);
    }

    private async Task<(int Status, byte[]? Body, AlipayOAuthResult? Failure)> PostAsync(
        AlipayOpenApp app, IEnumerable<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(form);
        // FormUrlEncodedContent encodes UTF-8 but says no charset; the gateway is told twice (charset parameter too).
        content.Headers.ContentType = FormContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, app.GatewayUrl) { Content = content };

        // One token for "the caller gave up" and "our time is up": which one fired decides between rethrowing and a
        // transient outcome.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(app.Timeout);
        try
        {
            using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
                return (status, null, AlipayOAuthResult.Transport(AlipayTransportProblem.ServerError, $"Alipay's gateway answered HTTP {status}.", status));

            var body = await ReadBodyAsync(response.Content, timeout.Token).ConfigureAwait(false);
            return body is null
                ? (status, null, AlipayOAuthResult.Failure(AlipayOAuthOutcome.MalformedResponse, $"Alipay's answer exceeds {MaxResponseBytes} bytes.", status))
                : (status, body, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return (0, null, AlipayOAuthResult.Transport(AlipayTransportProblem.Timeout,
                $"No answer from Alipay's gateway within {app.Timeout.TotalSeconds:0.###} s."));
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            // The exception's message names the host, never a key; the type is enough for the log.
            return (0, null, AlipayOAuthResult.Transport(AlipayTransportProblem.NetworkError,
                $"Network error talking to Alipay's gateway ({exception.GetType().Name})."));
        }
    }

    private static AlipayOAuthResult Interpret(AlipayOpenApp app, int status, byte[] body)
    {
        if (status is < 200 or > 299)
            return AlipayOAuthResult.Failure(AlipayOAuthOutcome.MalformedResponse, $"Alipay's gateway answered HTTP {status}.", status);

        if (!AlipayResponseEnvelope.TryRead(body, AlipayOAuthTokenRequest.Method, out var envelope, out var problem))
            return AlipayOAuthResult.Failure(AlipayOAuthOutcome.MalformedResponse, problem!, status);

        bool authentic;
        using (var alipayKey = ImportOrThrow(app.AlipayPublicKey, isPrivate: false))
            authentic = AlipayRsa2Signer.Verify(envelope!.SignedContent, envelope.Sign, alipayKey);

        if (envelope.Sign is not null && !authentic)
        {
            return AlipayOAuthResult.Failure(AlipayOAuthOutcome.ResponseSignatureInvalid,
                "Alipay's answer does not verify with the configured Alipay public key: forged or altered, or the key is not the one Alipay shows for this app.",
                status);
        }

        var code = envelope.Text("code");
        if (envelope.IsErrorMember || (code is not null && code != SuccessCode))
        {
            // Alipay leaves some errors unsigned (e.g. an app id it cannot find has no key to sign with). An unsigned
            // error is believed: it can only make the exchange fail, never hand over a user id.
            var subCode = envelope.Text("sub_code");
            return new AlipayOAuthResult
            {
                Outcome = subCode == InvalidCodeSubCode ? AlipayOAuthOutcome.InvalidAuthCode : AlipayOAuthOutcome.Rejected,
                Code = code,
                SubCode = subCode,
                Message = Describe(envelope, code, subCode),
                HttpStatus = status,
            };
        }

        // A success must be signed: a user id is what an attacker would want to plant.
        if (!authentic)
        {
            return AlipayOAuthResult.Failure(AlipayOAuthOutcome.ResponseSignatureInvalid,
                "Alipay's answer carries a user id but no signature; it is not used.", status);
        }

        var userId = envelope.Text("user_id");
        var openId = envelope.Text("open_id");
        if (!IsUsableUserId(userId))
        {
            return new AlipayOAuthResult
            {
                Outcome = AlipayOAuthOutcome.NoUserId,
                OpenId = openId,
                HttpStatus = status,
                Message = openId is not null
                    ? "Alipay answered with an app-scoped open_id and no user_id, but QFPay needs the Alipay user id (starting 2088) as openid."
                    : "Alipay's signed answer has no usable user_id.",
            };
        }

        return new AlipayOAuthResult { Outcome = AlipayOAuthOutcome.Success, UserId = userId, OpenId = openId, HttpStatus = status };
    }

    private static string Describe(AlipayResponseEnvelope envelope, string? code, string? subCode)
    {
        var text = $"Alipay refused the token exchange: {code ?? "no code"} {envelope.Text("msg")}".TrimEnd();
        if (subCode is not null)
            text += $", {subCode} {envelope.Text("sub_msg")}".TrimEnd();
        return text + ".";
    }

    // Usually "2088" and 12 more digits; only what QFPay's openid field can carry is enforced (API.md §4.2).
    private static bool IsUsableUserId(string? userId) =>
        !string.IsNullOrEmpty(userId) && userId.Length <= MaxUserIdLength && userId.All(c => c > ' ' && c < '\u007f');

    // Validate() has already imported both keys successfully; a failure now is a bug, not a configuration problem.
    private static RSA ImportOrThrow(string text, bool isPrivate)
    {
        RSA? key;
        var imported = isPrivate
            ? AlipayKeyReader.TryImportPrivateKey(text, out key, out _)
            : AlipayKeyReader.TryImportPublicKey(text, out key, out _);
        return imported ? key! : throw new InvalidOperationException("An Alipay key that validated could not be imported again.");
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxResponseBytes)
                return null;
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
