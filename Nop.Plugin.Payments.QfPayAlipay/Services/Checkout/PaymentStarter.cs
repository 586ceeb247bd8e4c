using System.Data.Common;
using System.Globalization;
using Nop.Core;
using Nop.Core.Domain.Orders;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Stores;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Checkout;

/// <summary>
/// Sends a placed order to Alipay: records a new attempt first (so a crash after QFPay's answer never loses the
/// out_trade_no), asks QFPay for a payment and says where the shopper goes. Every failure ends on the plugin's
/// problem page with "Retry payment", never as an exception: by now the order exists and the cart is empty
/// (PLUGIN-API.md §1.5).
/// </summary>
public class PaymentStarter
{
    private const int MaxOutTradeNoTries = 3;

    private readonly IPaymentAttemptStore _attempts;
    private readonly CheckoutAvailability _availability;
    private readonly ChargeCalculator _chargeCalculator;
    private readonly QfPayClient _client;
    private readonly ILogger _logger;
    private readonly OrderNotes _orderNotes;
    private readonly ISettingService _settingService;
    private readonly IStoreService _storeService;
    private readonly TimeProvider _timeProvider;
    private readonly QfPayTimeouts _timeouts;
    private readonly IWebHelper _webHelper;

    public PaymentStarter(IPaymentAttemptStore attempts,
        CheckoutAvailability availability,
        ChargeCalculator chargeCalculator,
        QfPayClient client,
        ILogger logger,
        OrderNotes orderNotes,
        ISettingService settingService,
        IStoreService storeService,
        TimeProvider timeProvider,
        QfPayTimeouts timeouts,
        IWebHelper webHelper)
    {
        _attempts = attempts;
        _availability = availability;
        _chargeCalculator = chargeCalculator;
        _client = client;
        _logger = logger;
        _orderNotes = orderNotes;
        _settingService = settingService;
        _storeService = storeService;
        _timeProvider = timeProvider;
        _timeouts = timeouts;
        _webHelper = webHelper;
    }

    public virtual Task<PaymentStart> StartAsync(Order order, CancellationToken cancellationToken = default) =>
        StartWithAsync(order, null, cancellationToken);

    /// <summary>
    /// 800107 (Alipay Service Window H5): the same, with the payer's Alipay user id as <c>openid</c> (API.md §10.2 step 4).
    /// On success the start carries <see cref="PaymentStart.TradeNo"/> for the page's <c>tradePay</c>.
    /// </summary>
    public virtual Task<PaymentStart> StartServiceWindowAsync(Order order, string openId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(openId);
        return StartWithAsync(order, openId, cancellationToken);
    }

    private async Task<PaymentStart> StartWithAsync(Order order, string? openId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var problemPage = new CallbackUrls(_webHelper.GetStoreLocation()).PaymentProblem(order.OrderGuid);
        try
        {
            return await StartCoreAsync(order, openId, problemPage, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            var reason = $"payment for order {order.CustomOrderNumber} not started: unexpected {exception.GetType().Name}";
            await _logger.ErrorAsync($"{OrderNotes.Prefix}{reason}.", exception);
            return PaymentStart.ToProblemPage(problemPage, null, reason);
        }
    }

    private async Task<PaymentStart> StartCoreAsync(Order order, string? openId, string problemPage, CancellationToken cancellationToken)
    {
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(order.StoreId);
        var verdict = _availability.Evaluate(settings);
        if (!verdict.IsAvailable)
            return await NotStartedAsync(order, problemPage, verdict.Reason!);

        var account = MerchantAccount.From(settings, _timeouts);
        if (!account.IsValid)
            return await NotStartedAsync(order, problemPage, account.Error.TrimEnd('.'));

        // 800107 needs the payer's Alipay user id, which only the Alipay authorisation callback has (API.md §10);
        // anything else reaching here with 800107 (a resume link, a pay type changed after the order) cannot pay.
        var serviceWindow = settings.PayType == QfPayPayType.AlipayServiceWindowH5;
        if (serviceWindow && openId is null)
            return await NotStartedAsync(order, problemPage, CheckoutVisibility.ServiceWindowReason);
        if (!serviceWindow && openId is not null)
            return await NotStartedAsync(order, problemPage, $"an Alipay user id arrived for order {order.CustomOrderNumber}, but the store's pay type is now {settings.PayType.ToCode()}, not 800107");

        var charge = await _chargeCalculator.ForOrderAsync(order, settings);
        if (!charge.IsValid)
            return await NotStartedAsync(order, problemPage, charge.Error.TrimEnd('.'));

        var store = await _storeService.GetStoreByIdAsync(order.StoreId);
        var callbacks = new CallbackUrls(string.IsNullOrWhiteSpace(store?.Url) ? _webHelper.GetStoreLocation() : store.Url);

        var attempt = await RecordAttemptAsync(order, charge.Value, settings, callbacks, cancellationToken);
        if (attempt is null)
            return await NotStartedAsync(order, problemPage, "the payment attempt could not be recorded (database error)");

        var request = new PaymentRequest
        {
            OutTradeNo = attempt.OutTradeNo,
            AmountInMinorUnits = attempt.AmountMinor,
            Currency = attempt.CurrencyCode,
            PayType = settings.PayType,
            GoodsName = GoodsName.ForOrder(settings.GoodsNameTemplate, order.CustomOrderNumber ?? order.Id.ToString(CultureInfo.InvariantCulture)),
            // tradePay stays on the shop's page, so 800107 has no return trip; nor does QFPay take expired_time for it (API.md §4.2).
            ReturnUrl = serviceWindow ? null : callbacks.Return(attempt.OutTradeNo),
            NotifyUrl = callbacks.Notify,
            ExpiresInMinutes = serviceWindow ? null : settings.PaymentExpiryMinutes,
            OpenId = openId,
            ForbidCreditCards = settings.LimitPayNoCredit,
        };

        // Not the request's token: a shopper closing the tab must not turn a payment QFPay may already have created
        // into an "unknown" one. The client has its own timeouts (API.md §2.4).
        var result = await _client.CreatePaymentAsync(account.Value, request, CancellationToken.None);
        if (result.IsSuccess && serviceWindow && result.Response.TradeNo is { Length: > 0 } tradeNo)
        {
            await MarkAwaitingAsync(attempt, result, null, cancellationToken);
            await _logger.InformationAsync($"{OrderNotes.Prefix}order {order.CustomOrderNumber} handed to Alipay's tradePay: attempt {attempt.AttemptNumber}, " +
                $"out_trade_no {attempt.OutTradeNo}, syssn {attempt.Syssn}, {SettlementLog.Amount(attempt.AmountMinor, attempt.CurrencyCode)}, code {result.ResponseCode}.");
            return PaymentStart.ToTradePay(tradeNo, attempt);
        }

        if (result.IsSuccess && result.Response.PayUrl is { Length: > 0 } payUrl)
        {
            await MarkAwaitingAsync(attempt, result, payUrl, cancellationToken);

            // One line per trip to the wallet: the first thing support needs when a shopper says "I paid".
            await _logger.InformationAsync($"{OrderNotes.Prefix}order {order.CustomOrderNumber} sent to Alipay: attempt {attempt.AttemptNumber}, " +
                $"out_trade_no {attempt.OutTradeNo}, syssn {attempt.Syssn}, {SettlementLog.Amount(attempt.AmountMinor, attempt.CurrencyCode)}, code {result.ResponseCode}.");

            return PaymentStart.ToWallet(payUrl, attempt);
        }

        return await RefusedAsync(order, attempt, result, problemPage, cancellationToken);
    }

    private async Task MarkAwaitingAsync(QfPayPaymentAttempt attempt, QfPayResult<PaymentResponse> result, string? payUrl,
        CancellationToken cancellationToken)
    {
        attempt.Status = PaymentAttemptStatus.AwaitingPayment;
        attempt.Syssn = result.Response!.Syssn;
        attempt.PayUrl = payUrl;
        attempt.LastResponseCode = result.ResponseCode;
        attempt.LastMessage = null;
        attempt.UpdatedOnUtc = UtcNow();
        await _attempts.UpdateAsync(attempt, cancellationToken);
    }

    private async Task<QfPayPaymentAttempt?> RecordAttemptAsync(Order order, ChargeAmount charge, QfPayAlipaySettings settings,
        CallbackUrls callbacks, CancellationToken cancellationToken)
    {
        IReadOnlyList<QfPayPaymentAttempt> previous;
        try
        {
            previous = await _attempts.ListByOrderAsync(order.Id, cancellationToken);
        }
        catch (DbException)
        {
            return null;
        }

        var number = previous.Count == 0 ? 1 : previous.Max(static a => a.AttemptNumber) + 1;
        var orderNumber = order.CustomOrderNumber ?? order.Id.ToString(CultureInfo.InvariantCulture);

        for (var attemptTry = 1; attemptTry <= MaxOutTradeNoTries; attemptTry++)
        {
            var now = UtcNow();
            var attempt = new QfPayPaymentAttempt
            {
                OrderId = order.Id,
                StoreId = order.StoreId,
                OutTradeNo = OutTradeNumber.ForPayment(orderNumber, number),
                AttemptNumber = number,
                AmountMinor = charge.Minor,
                CurrencyCode = charge.Currency,
                PayType = (int)settings.PayType,
                Status = PaymentAttemptStatus.Created,
                CreatedOnUtc = now,
                UpdatedOnUtc = now,
            };

            switch (await _attempts.InsertAsync(attempt, cancellationToken))
            {
                case UniqueInsert.Inserted:
                    return attempt;
                case UniqueInsert.Failed:
                    return null;
            }

            // A random tail collided (or a restored database reused a number): draw another one.
        }

        return null;
    }

    private async Task<PaymentStart> RefusedAsync(Order order, QfPayPaymentAttempt attempt, QfPayResult<PaymentResponse> result,
        string problemPage, CancellationToken cancellationToken)
    {
        // Unknown and in-progress answers may hide a payment that exists at QFPay: keep the attempt open for a query
        // (the return page or reconciliation), never treat it as failed (API.md §2.4, §11.11).
        var mayExist = result.RequiresQuery || result.IsSuccess;
        attempt.Status = mayExist ? PaymentAttemptStatus.Unknown : PaymentAttemptStatus.Failed;
        attempt.Syssn ??= result.Response?.Syssn;
        attempt.LastResponseCode = Shorten(result.ResponseCode ?? result.Problem.ToString(), 16);
        attempt.LastMessage = Shorten(Describe(result), 500);
        attempt.UpdatedOnUtc = UtcNow();
        await _attempts.UpdateAsync(attempt, cancellationToken);

        var what = mayExist ? "has an unknown outcome" : "was refused";
        var reason = $"payment for order {order.CustomOrderNumber} {what}: attempt {attempt.AttemptNumber}, out_trade_no {attempt.OutTradeNo}, " +
            $"code {result.ResponseCode ?? "none"} ({Describe(result)})";
        await _orderNotes.AddAsync(order.Id, $"{reason}.{(mayExist ? " It is checked again with QFPay before the order is marked paid or retried." : string.Empty)}");

        if (result.Problem == QfPayProblem.InvalidRequest)
            await _logger.ErrorAsync($"{OrderNotes.Prefix}{reason}. Check the plugin configuration.");
        else
            await _logger.WarningAsync($"{OrderNotes.Prefix}{reason}.");

        return PaymentStart.ToProblemPage(problemPage, attempt, reason);
    }

    private async Task<PaymentStart> NotStartedAsync(Order order, string problemPage, string reason)
    {
        var line = $"payment for order {order.CustomOrderNumber} not started: {reason}";
        await _logger.WarningAsync($"{OrderNotes.Prefix}{line}.");
        await _orderNotes.AddAsync(order.Id, $"{line}.");
        return PaymentStart.ToProblemPage(problemPage, null, line);
    }

    private static string Describe(QfPayResult<PaymentResponse> result)
    {
        var problem = result.Problem == QfPayProblem.None ? null : result.Problem.ToString();
        var message = string.IsNullOrWhiteSpace(result.Message) ? QfPayResponseCodes.Find(result.ResponseCode)?.Description : result.Message;
        return string.Join(": ", new[] { problem, message?.Trim() }.Where(static s => !string.IsNullOrEmpty(s))) is { Length: > 0 } text
            ? text
            : result.Outcome.ToString();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..max];

    private DateTime UtcNow() => _timeProvider.GetUtcNow().UtcDateTime;
}
