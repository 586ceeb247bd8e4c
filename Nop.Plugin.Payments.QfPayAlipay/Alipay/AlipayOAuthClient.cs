using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Nop.Plugin.Payments.QfPayAlipay.Alipay;

/// <summary>
/// Calls Alipay's open-platform gateway over a typed <see cref="HttpClient"/>
/// (<c>services.AddHttpClient&lt;AlipayOAuthClient&gt;()</c>). Stateless: the app comes with every call, so one
/// instance serves every store.
/// </summary>
/// <remarks>
/// Every call is sent once, never retried here: an <c>auth_code</c> works once (docs/qfpay-protocol.md §10.2 step 3), so a blind retry
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

    /// <summary>QFPay's <c>openid</c> is String(64) (docs/qfpay-protocol.md §4.2).</summary>
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
    /// <c>alipay.system.oauth.token</c> with <c>grant_type=authorization_code</c> (docs/qfpay-protocol.md §10.2 step 4): the RSA2-signed
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

    // Usually "2088" and 12 more digits; only what QFPay's openid field can carry is enforced (docs/qfpay-protocol.md §4.2).
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

/// <summary>
/// <c>alipay.system.oauth.token</c> with <c>grant_type=authorization_code</c>: trades the one-time <c>auth_code</c>
/// from the authorisation callback for the shopper's user id (docs/qfpay-protocol.md §10.2 step 4).
/// </summary>
public static class AlipayOAuthTokenRequest
{
    public const string Method = "alipay.system.oauth.token";

    public const string GrantType = "authorization_code";

    /// <summary>Alipay's gateway reads <c>timestamp</c> as China Standard Time, which has no daylight saving.</summary>
    public static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    /// <summary>Auth codes Alipay issues are 32 characters; anything far longer is not one.</summary>
    public const int MaxAuthCodeLength = 128;

    /// <summary>Whether <paramref name="authCode"/> can be sent at all: non-blank, short, no spaces or control characters.</summary>
    public static bool IsPlausibleAuthCode(string? authCode) =>
        !string.IsNullOrEmpty(authCode) && authCode.Length <= MaxAuthCodeLength && authCode.All(c => c > ' ' && c < '\u007f');

    /// <summary>
    /// The gateway's common parameters (app_id, method, format, charset, sign_type, timestamp, version) and the method's
    /// own (grant_type, code), unsigned. None is ever empty, so none drops out of the signature.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string?>> Parameters(string appId, string authCode, DateTimeOffset now) =>
    [
        new("app_id", appId),
        new("method", Method),
        new("format", "JSON"),
        new("charset", "utf-8"),
        new("sign_type", AlipayRsa2Signer.SignType),
        new("timestamp", Timestamp(now)),
        new("version", "1.0"),
        new("grant_type", GrantType),
        new("code", authCode),
    ];

    /// <summary><c>yyyy-MM-dd HH:mm:ss</c> in China time (UTC+8).</summary>
    public static string Timestamp(DateTimeOffset now) =>
        now.ToOffset(ChinaTime).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}

/// <summary>How an <c>alipay.system.oauth.token</c> exchange ended.</summary>
public enum AlipayOAuthOutcome
{
    /// <summary>Alipay's signed answer names the shopper's user id: use it as QFPay's <c>openid</c> (docs/qfpay-protocol.md §10.1).</summary>
    Success,

    /// <summary>
    /// The code is unknown, used or expired (<c>isv.code-invalid</c>), or the callback carried none. Codes are
    /// one-time (docs/qfpay-protocol.md §10.2 step 3): start the silent authorisation again rather than retrying.
    /// </summary>
    InvalidAuthCode,

    /// <summary>Alipay refused the call for another reason (see <see cref="AlipayOAuthResult.SubCode"/>): usually configuration.</summary>
    Rejected,

    /// <summary>
    /// The answer's signature does not verify with Alipay's public key, or a success came unsigned: forged, altered, or
    /// the wrong Alipay public key is configured. Nothing in it is used.
    /// </summary>
    ResponseSignatureInvalid,

    /// <summary>
    /// A verified success without a usable <c>user_id</c>, e.g. only Alipay's app-scoped <c>open_id</c>, which QFPay may
    /// not accept as <c>openid</c> (docs/qfpay-protocol.md §10.2, §13 item 11).
    /// </summary>
    NoUserId,

    /// <summary>Unreadable: not JSON, no response member, an unexpected HTTP status.</summary>
    MalformedResponse,

    /// <summary>
    /// No answer: timeout, network error, HTTP 5xx or 429. Worth another go, but the code may already be spent, in which
    /// case the retry says <see cref="InvalidAuthCode"/> and the authorisation starts again.
    /// </summary>
    Transient,

    /// <summary>The app settings or the code are unusable; nothing was sent.</summary>
    InvalidRequest,
}

/// <summary>Why a <see cref="AlipayOAuthOutcome.Transient"/> exchange got no answer.</summary>
public enum AlipayTransportProblem
{
    None,
    Timeout,
    NetworkError,
    ServerError,
}

/// <summary>
/// The outcome of trading an <c>auth_code</c> for the shopper's user id. Returned, not thrown: invalid codes and
/// timeouts are normal. Only the caller's own cancellation throws.
/// </summary>
/// <remarks>
/// The access token in Alipay's answer is deliberately not kept: <c>auth_base</c> is only for the user id, and a token
/// nobody uses would only be one more secret to guard.
/// </remarks>
public sealed record AlipayOAuthResult
{
    public required AlipayOAuthOutcome Outcome { get; init; }

    /// <summary>The <c>2088...</c> user id QFPay calls <c>openid</c>; set on success only.</summary>
    public string? UserId { get; init; }

    /// <summary>Alipay's app-scoped <c>open_id</c>, when the verified answer had one.</summary>
    public string? OpenId { get; init; }

    /// <summary>Alipay's <c>code</c>, e.g. <c>40002</c>.</summary>
    public string? Code { get; init; }

    /// <summary>Alipay's <c>sub_code</c>, e.g. <c>isv.code-invalid</c>.</summary>
    public string? SubCode { get; init; }

    /// <summary>Alipay's <c>msg</c> and <c>sub_msg</c>, or a description of the problem. Never a key or a code.</summary>
    public string? Message { get; init; }

    public AlipayTransportProblem TransportProblem { get; init; }

    public int? HttpStatus { get; init; }

    [MemberNotNullWhen(true, nameof(UserId))]
    public bool IsSuccess => Outcome == AlipayOAuthOutcome.Success && UserId is not null;

    public bool IsTransient => Outcome == AlipayOAuthOutcome.Transient;

    internal static AlipayOAuthResult Failure(AlipayOAuthOutcome outcome, string message, int? httpStatus = null) =>
        new() { Outcome = outcome, Message = message, HttpStatus = httpStatus };

    internal static AlipayOAuthResult Transport(AlipayTransportProblem problem, string message, int? httpStatus = null) =>
        new() { Outcome = AlipayOAuthOutcome.Transient, TransportProblem = problem, Message = message, HttpStatus = httpStatus };
}

/// <summary>
/// An answer of Alipay's gateway, split into what was signed and the signature:
/// <c>{"&lt;method&gt;_response":{...},"sign":"..."}</c> or <c>{"error_response":{...},"sign":"..."}</c>.
/// </summary>
/// <remarks>
/// Alipay signs the JSON text of the <c>*_response</c> member exactly as it appears in the body, so
/// <see cref="SignedContent"/> is that substring of the raw bytes, never a re-serialisation: escapes, spacing and
/// member order all count (the same lesson as QFPay's notifications, docs/qfpay-protocol.md §11 item 6). The parsed
/// <see cref="Content"/> comes from the very same bytes, so what is verified is what is read.
/// </remarks>
public sealed class AlipayResponseEnvelope
{
    public const string ErrorMember = "error_response";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly JsonLoadSettings LoadSettings = new()
    {
        DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Replace,
        LineInfoHandling = LineInfoHandling.Ignore,
    };

    private AlipayResponseEnvelope(string memberName, byte[] signedContent, string? sign, JObject content)
    {
        MemberName = memberName;
        SignedContent = signedContent;
        Sign = sign;
        Content = content;
    }

    /// <summary>The method's member (e.g. <c>alipay_system_oauth_token_response</c>) or <see cref="ErrorMember"/>.</summary>
    public string MemberName { get; }

    public bool IsErrorMember => MemberName == ErrorMember;

    /// <summary>The exact UTF-8 bytes of the member's value as they appear in the body.</summary>
    public byte[] SignedContent { get; }

    /// <summary>The Base64 signature, or null when the body has none (Alipay leaves some errors unsigned).</summary>
    public string? Sign { get; }

    /// <summary>The member's value (a JSON object), read from the same text as <see cref="SignedContent"/>.</summary>
    public JObject Content { get; }

    /// <summary>The member name Alipay uses for a method: dots become underscores, plus <c>_response</c>.</summary>
    public static string ResponseMemberFor(string method) => method.Replace('.', '_') + "_response";

    /// <summary>Splits a body; a body that is not exactly one such member (plus <c>sign</c>) gives a problem instead.</summary>
    public static bool TryRead(ReadOnlySpan<byte> body, string method, out AlipayResponseEnvelope? envelope, out string? problem)
    {
        envelope = null;
        var expected = ResponseMemberFor(method);
        string text;
        try
        {
            text = StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Problem("the answer is not valid UTF-8.", out problem);
        }

        // A byte order mark is not part of the JSON, and not of the signed text.
        if (text.StartsWith('\uFEFF'))
            text = text[1..];

        try
        {
            using var reader = NewReader(text);
            if (JToken.ReadFrom(reader, LoadSettings) is not JObject answer)
                return Problem("the answer is not a JSON object.", out problem);
            if (reader.Read())
                return Problem("the answer has content after its JSON object.", out problem);

            // Once more through the text, member by member: a repeated response member would be a second, unsigned
            // answer, and the signed one is needed as the characters it was sent in.
            var lineStarts = LineStarts(text);
            using var members = NewReader(text);
            members.Read();
            string? member = null;
            int start = 0, end = 0, signs = 0;
            while (members.Read() && members.TokenType == JsonToken.PropertyName)
            {
                var name = (string)members.Value!;
                members.Read();
                if (name == expected || name == ErrorMember)
                {
                    if (member is not null)
                        return Problem("the answer holds more than one response member.", out problem);
                    if (members.TokenType != JsonToken.StartObject)
                        return Problem($"{name} is not a JSON object.", out problem);

                    member = name;
                    start = OffsetAfter(members, lineStarts) - 1;
                    members.Skip();
                    end = OffsetAfter(members, lineStarts);
                }
                else
                {
                    // Other members (e.g. alipay_cert_sn in certificate mode) are not signed content; only sign counts.
                    if (name == AlipayRsa2Signer.SignParameter && ++signs > 1)
                        return Problem("the answer holds more than one sign.", out problem);
                    members.Skip();
                }
            }

            if (member is null)
                return Problem($"the answer holds neither {expected} nor {ErrorMember}.", out problem);

            var sign = answer[AlipayRsa2Signer.SignParameter] is JValue { Type: JTokenType.String } signValue ? (string?)signValue.Value : null;
            envelope = new AlipayResponseEnvelope(member, Encoding.UTF8.GetBytes(text[start..end]), sign, (JObject)answer[member]!);
            problem = null;
            return true;
        }
        catch (JsonException)
        {
            return Problem("the answer is not valid JSON.", out problem);
        }
    }

    /// <summary>A string member of <see cref="Content"/>; numbers are read as their text (Alipay is not consistent).</summary>
    public string? Text(string name) =>
        Content[name] is JValue value
            ? value.Type switch
            {
                JTokenType.String => (string?)value.Value,
                JTokenType.Integer or JTokenType.Float => Convert.ToString(value.Value, CultureInfo.InvariantCulture),
                _ => null,
            }
            : null;

    // Dates stay text and decimals stay decimal: a value is read as the characters Alipay signed.
    private static JsonTextReader NewReader(string text) => new(new StringReader(text))
    {
        DateParseHandling = DateParseHandling.None,
        FloatParseHandling = FloatParseHandling.Decimal,
    };

    /// <summary>Where each line of <paramref name="text"/> starts; like the reader, a line ends at "\r\n", "\r" or "\n".</summary>
    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                i++;
            if (text[i] is '\r' or '\n')
                starts.Add(i + 1);
        }

        return starts;
    }

    /// <summary>The index in the text just after the reader's current token (the reader counts in lines and positions).</summary>
    private static int OffsetAfter(JsonTextReader reader, List<int> lineStarts) => lineStarts[reader.LineNumber - 1] + reader.LinePosition;

    private static bool Problem(string text, out string? problem)
    {
        problem = "Alipay's answer could not be read: " + text;
        return false;
    }
}
