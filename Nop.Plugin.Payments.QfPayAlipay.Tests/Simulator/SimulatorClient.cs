using System.Globalization;
using System.Net;
using System.Text.Json;
using QfPaySimulator;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Simulator;

/// <summary>
/// A minimal QFPay client for driving the simulator in tests: form-encodes the fields, signs them with the simulator's
/// own <see cref="RequestSignature"/> (itself pinned by the signature vectors) and parses the JSON answer. It sends the
/// merchant's mchid whenever the merchant has one, unless the fields already say otherwise.
/// </summary>
public sealed class SimulatorClient : IDisposable
{
    private readonly HttpClient http;

    public SimulatorClient(Uri baseAddress, SimulatedMerchant merchant, TimeSpan? timeout = null)
    {
        Merchant = merchant;
        http = new HttpClient(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
    }

    public SimulatedMerchant Merchant { get; }

    public static string Now => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public async Task<SimulatorReply> PostAsync(
        string path,
        IReadOnlyDictionary<string, string> fields,
        SignatureAlgorithm algorithm = SignatureAlgorithm.Md5,
        Action<HttpRequestMessage>? adjust = null,
        CancellationToken cancellationToken = default)
    {
        var sent = new Dictionary<string, string>(fields, StringComparer.Ordinal);
        if (Merchant.MerchantId is { } mchid)
            sent.TryAdd("mchid", mchid);

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(sent) };
        request.Headers.Add("X-QF-APPCODE", Merchant.AppCode);
        request.Headers.Add("X-QF-SIGN", RequestSignature.Compute(sent, Merchant.ClientKey, algorithm));
        if (algorithm == SignatureAlgorithm.Sha256)
            request.Headers.Add("X-QF-SIGNTYPE", "SHA256");
        adjust?.Invoke(request);

        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return new SimulatorReply(response.StatusCode, text);
    }

    public static Dictionary<string, string> PaymentFields(
        string outTradeNo, long amount = 12800, string payType = "801512", string currency = "HKD") => new()
    {
        ["txamt"] = amount.ToString(CultureInfo.InvariantCulture),
        ["txcurrcd"] = currency,
        ["pay_type"] = payType,
        ["out_trade_no"] = outTradeNo,
        ["txdtm"] = Now,
        ["goods_name"] = "Order " + outTradeNo,
    };

    public Task<SimulatorReply> CreatePaymentAsync(
        string outTradeNo, long amount = 12800, Uri? notifyUrl = null, Uri? returnUrl = null, CancellationToken cancellationToken = default)
    {
        var fields = PaymentFields(outTradeNo, amount);
        if (notifyUrl is not null)
            fields["notify_url"] = notifyUrl.ToString();
        if (returnUrl is not null)
            fields["return_url"] = returnUrl.ToString();
        return PostAsync("trade/v1/payment", fields, cancellationToken: cancellationToken);
    }

    public Task<SimulatorReply> RefundAsync(string syssn, string outTradeNo, long amount, CancellationToken cancellationToken = default) =>
        PostAsync("trade/v1/refund", new Dictionary<string, string>
        {
            ["syssn"] = syssn,
            ["out_trade_no"] = outTradeNo,
            ["txamt"] = amount.ToString(CultureInfo.InvariantCulture),
            ["txdtm"] = Now,
        }, cancellationToken: cancellationToken);

    public Task<SimulatorReply> QueryAsync(IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken = default) =>
        PostAsync("trade/v1/query", fields, cancellationToken: cancellationToken);

    public void Dispose() => http.Dispose();
}

/// <summary>The simulator's answer: HTTP status and, for QFPay answers, the JSON body.</summary>
public sealed record SimulatorReply(HttpStatusCode Status, string Text)
{
    public JsonElement Json => JsonDocument.Parse(Text).RootElement;

    public string Respcd => Json.GetProperty("respcd").GetString()!;

    public string this[string field] => Json.GetProperty(field).GetString()!;

    /// <summary>The records of a query answer.</summary>
    public IReadOnlyList<JsonElement> Records => Json.GetProperty("data").EnumerateArray().ToArray();
}
