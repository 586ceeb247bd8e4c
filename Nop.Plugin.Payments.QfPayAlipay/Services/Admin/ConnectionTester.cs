using System.Globalization;
using Nop.Plugin.Payments.QfPayAlipay.Models;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Signing;
using Nop.Services.Configuration;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Admin;

/// <summary>
/// "Test connection": one signed query for an out_trade_no that cannot exist. It changes nothing at QFPay, yet
/// QFPay checks the app code and the signature before looking for records, so its answer tells whether the
/// credentials work (docs/qfpay-protocol.md §5.2, §7): 0000 whatever the records, 1108 wrong key, 1105-1107 app code.
/// </summary>
public class ConnectionTester
{
    /// <summary>The admin waits for the answer, so the query gets less than the usual 15 s (docs/qfpay-protocol.md §2.4).</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(8);

    private const string OutTradeNoPrefix = "nop-connection-test-";

    private readonly QfPayClient _client;
    private readonly TimeProvider _timeProvider;

    public ConnectionTester(QfPayClient client, TimeProvider timeProvider)
    {
        _client = client;
        _timeProvider = timeProvider;
    }

    /// <summary>How long the test waits for QFPay; keep it below the 10 s an admin is promised.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public virtual async Task<ConnectionTestResult> TestAsync(ConnectionSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);

        var baseUrl = QfPayEndpoints.BaseUrlFor(settings.Environment, settings.CustomBaseUrl);
        if (!baseUrl.IsValid)
            return NotConfigured("Plugins.Payments.QfPayAlipay.TestConnection.InvalidBaseUrl");

        if (string.IsNullOrWhiteSpace(settings.AppCode))
            return NotConfigured("Plugins.Payments.QfPayAlipay.TestConnection.MissingAppCode");

        if (string.IsNullOrWhiteSpace(settings.ClientKey))
            return NotConfigured("Plugins.Payments.QfPayAlipay.TestConnection.MissingClientKey");

        var account = new QfPayAccount(baseUrl.Value, settings.AppCode.Trim(), settings.ClientKey.Trim(), settings.MerchantId, settings.SignType)
        {
            Timeouts = QfPayTimeouts.Default with { Query = Timeout },
        };
        if (account.Validate() is { } accountError)
            return NotConfigured("Plugins.Payments.QfPayAlipay.TestConnection.InvalidSettings", accountError);

        var result = await _client.QueryAsync(account, HarmlessQuery(), cancellationToken);
        return Translate(result, baseUrl.Value.ToString());
    }

    // The middle of the current month (UTC+8) keeps the one-month window of docs/qfpay-protocol.md §7.2 to a single request,
    // so the test never costs more than one timeout.
    private QueryRequest HarmlessQuery()
    {
        var month = QfPayTime.MonthOf(_timeProvider.GetUtcNow());
        var outTradeNo = OutTradeNoPrefix + Guid.NewGuid().ToString("N");
        return QueryRequest.ByOutTradeNo(outTradeNo, month.Start.AddDays(14)) with { PageSize = 1 };
    }

    private ConnectionTestResult Translate(QfPayResult<QueryResponse> result, string baseUrl)
    {
        var code = result.ResponseCode;
        switch (code)
        {
            case "0000":
                return new(ConnectionTestOutcome.CredentialsOk, "Plugins.Payments.QfPayAlipay.TestConnection.Ok", [baseUrl]) { ResponseCode = code };
            case "1108":
                return new(ConnectionTestOutcome.WrongKey, "Plugins.Payments.QfPayAlipay.TestConnection.WrongKey", [baseUrl]) { ResponseCode = code };
            case "1105" or "1106" or "1107":
                return new(ConnectionTestOutcome.UnknownAppCode, "Plugins.Payments.QfPayAlipay.TestConnection.UnknownAppCode",
                    [baseUrl, code, result.Message ?? string.Empty]) { ResponseCode = code };
        }

        switch (result.Problem)
        {
            case QfPayProblem.Timeout:
                return new(ConnectionTestOutcome.Unreachable, "Plugins.Payments.QfPayAlipay.TestConnection.Timeout",
                    [baseUrl, Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)]);
            case QfPayProblem.InvalidRequest:
                return NotConfigured("Plugins.Payments.QfPayAlipay.TestConnection.InvalidSettings", result.Message ?? string.Empty);
            case QfPayProblem.NetworkError or QfPayProblem.RateLimited or QfPayProblem.ServerError or QfPayProblem.UnexpectedHttpStatus:
                return new(ConnectionTestOutcome.Unreachable, "Plugins.Payments.QfPayAlipay.TestConnection.Unreachable",
                    [baseUrl, Symptom(result)]) { ResponseCode = code };
            case QfPayProblem.MalformedResponse when code is null:
                // Something answered, but not QFPay (e.g. a custom URL pointing at a web page).
                return new(ConnectionTestOutcome.Unreachable, "Plugins.Payments.QfPayAlipay.TestConnection.Unreachable",
                    [baseUrl, $"{Symptom(result)}, {result.Message}"]);
        }

        return new(ConnectionTestOutcome.OtherCode, "Plugins.Payments.QfPayAlipay.TestConnection.OtherCode",
            [baseUrl, code ?? string.Empty, result.Message ?? string.Empty]) { ResponseCode = code };
    }

    private static string Symptom(QfPayResult<QueryResponse> result) =>
        result.HttpStatus is { } status
            ? "HTTP " + status.ToString(CultureInfo.InvariantCulture)
            : result.ExceptionType ?? result.Problem.ToString();

    private static ConnectionTestResult NotConfigured(string messageKey, params string[] arguments) =>
        new(ConnectionTestOutcome.NotConfigured, messageKey, arguments);
}

/// <summary>What the admin is told after "Test connection".</summary>
public enum ConnectionTestOutcome
{
    /// <summary>QFPay answered respcd 0000: app code and key are accepted.</summary>
    CredentialsOk,

    /// <summary>respcd 1108: the signature did not verify.</summary>
    WrongKey,

    /// <summary>respcd 1105, 1106 or 1107: QFPay does not accept the app code.</summary>
    UnknownAppCode,

    /// <summary>No usable answer: timeout, network error, HTTP 429/5xx, or not QFPay at that address.</summary>
    Unreachable,

    /// <summary>QFPay answered with another code.</summary>
    OtherCode,

    /// <summary>Nothing was sent: the settings on the page are incomplete.</summary>
    NotConfigured,
}

/// <param name="MessageKey">Locale resource with composite-format placeholders for <paramref name="MessageArguments"/>.</param>
/// <param name="MessageArguments">Base URL, code, QFPay's message, HTTP status or exception type; never a secret.</param>
public sealed record ConnectionTestResult(ConnectionTestOutcome Outcome, string MessageKey, IReadOnlyList<string> MessageArguments)
{
    public bool Succeeded => Outcome == ConnectionTestOutcome.CredentialsOk;

    /// <summary>QFPay's respcd, when it answered with one.</summary>
    public string? ResponseCode { get; init; }
}

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

/// <summary>
/// What "Test connection" tests: the values on the page where the admin may edit them, the settings in effect
/// for the store scope where they are inherited (their inputs are disabled and not posted), and the key just
/// typed, or else the key in effect.
/// </summary>
public class ConnectionSettingsResolver
{
    private readonly ISettingService _settingService;

    public ConnectionSettingsResolver(ISettingService settingService)
    {
        _settingService = settingService;
    }

    public virtual async Task<ConnectionSettings> ResolveAsync(ConfigurationModel model, int storeScope)
    {
        ArgumentNullException.ThrowIfNull(model);
        var stored = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(storeScope);
        bool Editing(bool overrideForStore) => storeScope == 0 || overrideForStore;

        return new ConnectionSettings(
            Editing(model.EnvironmentId_OverrideForStore) ? (QfPayEnvironment)model.EnvironmentId : stored.Environment,
            Editing(model.CustomBaseUrl_OverrideForStore) ? model.CustomBaseUrl : stored.CustomBaseUrl,
            Editing(model.AppCode_OverrideForStore) ? model.AppCode : stored.AppCode,
            string.IsNullOrWhiteSpace(model.ClientKey) ? stored.ClientKey : model.ClientKey,
            Editing(model.MerchantId_OverrideForStore) ? model.MerchantId : stored.MerchantId,
            Editing(model.SignTypeId_OverrideForStore) ? (QfPaySignType)model.SignTypeId : stored.SignType);
    }
}
