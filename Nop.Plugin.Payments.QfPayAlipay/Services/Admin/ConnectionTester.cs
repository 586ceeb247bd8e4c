using System.Globalization;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Admin;

/// <summary>
/// "Test connection": one signed query for an out_trade_no that cannot exist. It changes nothing at QFPay, yet
/// QFPay checks the app code and the signature before looking for records, so its answer tells whether the
/// credentials work (API.md §5.2, §7): 0000 whatever the records, 1108 wrong key, 1105-1107 app code.
/// </summary>
public class ConnectionTester
{
    /// <summary>The admin waits for the answer, so the query gets less than the usual 15 s (API.md §2.4).</summary>
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

    // The middle of the current month (UTC+8) keeps the one-month window of API.md §7.2 to a single request,
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
