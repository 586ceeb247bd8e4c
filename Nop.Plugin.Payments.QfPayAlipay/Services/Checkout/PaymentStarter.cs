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
/// problem page with "Retry payment", never as an exception: by now the order exists and the cart is empty.
/// </summary>
/// <remarks>
/// Every way to pay an order again (nopCommerce's "Retry payment", the plugin's resume link, a reload of the Service
/// Window page) comes through here, and a new QFPay payment is started only when no earlier one can still be paid:
/// a paid one is settled instead, an open one's link is handed out again, an unclear one is asked about first, and
/// only a payment QFPay confirms unpaid and past its own expiry (or failed) makes room for a new one. A WAP payment
/// cannot be closed or reversed, so an open link stays payable until it expires (docs/money-invariants.md, "Retry
/// never double-charges").
/// </remarks>
public class PaymentStarter
{
    private const int MaxOutTradeNoTries = 3;

    /// <summary>
    /// How long after an attempt's own expiry QFPay's "not paid" is taken as final by a retry. The attempt's expiry is
    /// counted from just before the call, so QFPay's own clock ends a little later; two minutes cover that and clock skew.
    /// </summary>
    public static readonly TimeSpan RetryGrace = TimeSpan.FromMinutes(2);

    private readonly IPaymentAttemptStore _attempts;
    private readonly CheckoutAvailability _availability;
    private readonly ChargeCalculator _chargeCalculator;
    private readonly QfPayClient _client;
    private readonly ILogger _logger;
    private readonly PaymentStatusCheck _statusCheck;
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
        PaymentStatusCheck statusCheck,
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
        _statusCheck = statusCheck;
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
    /// 800107 (Alipay Service Window H5): the same, with the payer's Alipay user id as <c>openid</c> (docs/qfpay-protocol.md §10.2 step 4).
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

        // 800107 needs the payer's Alipay user id, which only the Alipay authorisation callback has (docs/qfpay-protocol.md §10);
        // anything else reaching here with 800107 (a resume link, a pay type changed after the order) cannot pay.
        var serviceWindow = settings.PayType == QfPayPayType.AlipayServiceWindowH5;
        if (serviceWindow && openId is null)
            return await NotStartedAsync(order, problemPage, CheckoutVisibility.ServiceWindowReason);
        if (!serviceWindow && openId is not null)
            return await NotStartedAsync(order, problemPage, $"an Alipay user id arrived for order {order.CustomOrderNumber}, but the store's pay type is now {settings.PayType.ToCode()}, not 800107");

        PaymentStart? earlier;
        try
        {
            earlier = await EarlierPaymentAsync(order, serviceWindow, problemPage, cancellationToken);
        }
        catch (DbException)
        {
            return await NotStartedAsync(order, problemPage, "the order's earlier payments could not be read (database error)");
        }

        if (earlier is not null)
            return earlier;

        var charge = await _chargeCalculator.ForOrderAsync(order, settings);
        if (!charge.IsValid)
            return await NotStartedAsync(order, problemPage, charge.Error.TrimEnd('.'));

        var store = await _storeService.GetStoreByIdAsync(order.StoreId);
        var callbacks = new CallbackUrls(string.IsNullOrWhiteSpace(store?.Url) ? _webHelper.GetStoreLocation() : store.Url);

        var (attempt, concurrent) = await RecordAttemptAsync(order, charge.Value, settings, cancellationToken);
        if (concurrent)
        {
            // Another request (a second tab, another web node) started a payment of this order at this very moment.
            return await EarlierPaymentAsync(order, serviceWindow, problemPage, cancellationToken)
                ?? await NotStartedAsync(order, problemPage, "another request started a payment of this order at the same moment");
        }

        if (attempt is null)
            return await NotStartedAsync(order, problemPage, "the payment attempt could not be recorded (database error)");

        var request = new PaymentRequest
        {
            OutTradeNo = attempt.OutTradeNo,
            AmountInMinorUnits = attempt.AmountMinor,
            Currency = attempt.CurrencyCode,
            PayType = settings.PayType,
            GoodsName = GoodsName.ForOrder(settings.GoodsNameTemplate, order.CustomOrderNumber ?? order.Id.ToString(CultureInfo.InvariantCulture)),
            // tradePay stays on the shop's page, so 800107 has no return trip; nor does QFPay take expired_time for it (docs/qfpay-protocol.md §4.2).
            ReturnUrl = serviceWindow ? null : callbacks.Return(attempt.OutTradeNo),
            NotifyUrl = callbacks.Notify,
            ExpiresInMinutes = serviceWindow ? null : settings.PaymentExpiryMinutes,
            OpenId = openId,
            ForbidCreditCards = settings.LimitPayNoCredit,
        };

        // Not the request's token: a shopper closing the tab must not turn a payment QFPay may already have created
        // into an "unknown" one. The client has its own timeouts (docs/qfpay-protocol.md §2.4).
        var result = await _client.CreatePaymentAsync(account.Value, request, CancellationToken.None);
        if (result.IsSuccess && serviceWindow && result.Response.TradeNo is { Length: > 0 } tradeNo)
        {
            await MarkAwaitingAsync(attempt, result, tradeNo, cancellationToken);
            await _logger.InformationAsync($"{OrderNotes.Prefix}order {order.CustomOrderNumber} handed to Alipay's tradePay: attempt {attempt.AttemptNumber}, " +
                $"out_trade_no {attempt.OutTradeNo}, syssn {attempt.Syssn}, {MinorUnits.Display(attempt.AmountMinor, attempt.CurrencyCode)}, code {result.ResponseCode}.");
            return PaymentStart.ToTradePay(tradeNo, attempt) with { IsNewAttempt = true };
        }

        if (result.IsSuccess && result.Response.PayUrl is { Length: > 0 } payUrl)
        {
            await MarkAwaitingAsync(attempt, result, payUrl, cancellationToken);

            // One line per trip to the wallet: the first thing support needs when a shopper says "I paid".
            await _logger.InformationAsync($"{OrderNotes.Prefix}order {order.CustomOrderNumber} sent to Alipay: attempt {attempt.AttemptNumber}, " +
                $"out_trade_no {attempt.OutTradeNo}, syssn {attempt.Syssn}, {MinorUnits.Display(attempt.AmountMinor, attempt.CurrencyCode)}, code {result.ResponseCode}.");

            return PaymentStart.ToWallet(payUrl, attempt) with { IsNewAttempt = true };
        }

        return await RefusedAsync(order, attempt, result, problemPage, cancellationToken) with { IsNewAttempt = true };
    }

    /// <summary>
    /// Records QFPay's new payment on the attempt. Guarded: a payment reported in the meantime (the shopper can hardly be
    /// that fast, but a lost answer retried can) is never turned back into "awaiting".
    /// </summary>
    /// <summary>
    /// What an earlier attempt of the order leaves to do, or null when a new payment may be started (see the remarks on
    /// the class): the destination of a paid order, the link of an open payment, or the problem page while an earlier
    /// payment may still be paid.
    /// </summary>
    private async Task<PaymentStart?> EarlierPaymentAsync(Order order, bool serviceWindow, string problemPage, CancellationToken cancellationToken)
    {
        var attempts = await _attempts.ListByOrderAsync(order.Id, cancellationToken);
        if (attempts.FirstOrDefault(static a => a.Status.HoldsMoney()) is { } withMoney)
        {
            return withMoney.Status == PaymentAttemptStatus.Paid
                ? PaymentStart.ToProblemPage(problemPage, withMoney, $"order {order.CustomOrderNumber} was paid by out_trade_no {withMoney.OutTradeNo}") with { AlreadyPaid = true }
                : PaymentStart.ToProblemPage(problemPage, withMoney, $"QFPay took a payment for order {order.CustomOrderNumber} that is not applied ({withMoney.Status}); the store looks into it");
        }

        foreach (var open in attempts.Where(static a => !a.Status.IsFinal()).OrderByDescending(static a => a.AttemptNumber))
        {
            if (await OpenAttemptAsync(order, open, serviceWindow, problemPage, cancellationToken) is { } decided)
                return decided;
        }

        return null;
    }

    private async Task<PaymentStart?> OpenAttemptAsync(Order order, QfPayPaymentAttempt open, bool serviceWindow, string problemPage,
        CancellationToken cancellationToken)
    {
        // Recorded moments ago and QFPay's answer not in yet: another request is starting this very payment.
        if (open.Status == PaymentAttemptStatus.Created && UtcNow() - DateTime.SpecifyKind(open.CreatedOnUtc, DateTimeKind.Utc) < _timeouts.Payment + RetryGrace)
        {
            return PaymentStart.ToProblemPage(problemPage, open,
                $"payment for order {order.CustomOrderNumber} not started again: out_trade_no {open.OutTradeNo} is being started by another request right now");
        }

        // The same kind of hand-off (a pay_url, or 800107's tradeNO) can simply be given again while it has time left.
        var sameKind = (open.PayType == (int)QfPayPayType.AlipayServiceWindowH5) == serviceWindow;
        if (sameKind && PayUrlFreshness.CanReuse(open, UtcNow()))
            return Reuse(open);

        var check = await _statusCheck.CheckAsync(open, SettlementSource.Retry, cancellationToken);
        switch (check.State)
        {
            case PaymentCheckState.Paid:
                return PaymentStart.ToProblemPage(problemPage, open, $"order {order.CustomOrderNumber} turned out paid by out_trade_no {open.OutTradeNo}") with { AlreadyPaid = true };
            case PaymentCheckState.MoneyNotApplied:
                return PaymentStart.ToProblemPage(problemPage, open, $"QFPay took a payment for order {order.CustomOrderNumber} that is not applied; the store looks into it");
            case PaymentCheckState.NotPaid or PaymentCheckState.Expired:
                return null;
        }

        // QFPay says "not paid yet" (or could not be asked). Answered, and past the link's own expiry or never handed to
        // anyone (a lost answer to the payment call), nobody can pay it any more: it makes room for a new payment.
        if (check.Answered && UtcNow() >= PayUrlFreshness.ExpiresOnUtc(open) + RetryGrace)
            return await SupersedeAsync(order, open, PaymentAttemptStatus.Expired, "expired unpaid", problemPage, cancellationToken);

        if (check.Answered && string.IsNullOrEmpty(open.PayUrl))
            return await SupersedeAsync(order, open, PaymentAttemptStatus.Failed, "was never handed to the shopper (QFPay's answer to it was lost)", problemPage, cancellationToken);

        if (sameKind && open.Status == PaymentAttemptStatus.AwaitingPayment && open.PayUrl is { Length: > 0 } && UtcNow() < PayUrlFreshness.ExpiresOnUtc(open))
            return Reuse(open);

        var reason = $"payment for order {order.CustomOrderNumber} not started again: out_trade_no {open.OutTradeNo} may still be paid until " +
            $"{PayUrlFreshness.ExpiresOnUtc(open):yyyy-MM-dd HH:mm} UTC ({check.Detail}); a second payment could charge the shopper twice";
        await _logger.InformationAsync($"{OrderNotes.Prefix}{reason}.");
        return PaymentStart.ToProblemPage(problemPage, open, reason);
    }

    /// <summary>Closes an open attempt QFPay confirmed unpaid so a new one may start; null when it did, else what it turned into.</summary>
    private async Task<PaymentStart?> SupersedeAsync(Order order, QfPayPaymentAttempt open, PaymentAttemptStatus status, string what, string problemPage,
        CancellationToken cancellationToken)
    {
        var change = new AttemptChange(status, $"Payment {what}; QFPay confirmed it unpaid when the shopper tried again.", UtcNow());
        if (await _attempts.TryChangeAsync(open.Id, change, cancellationToken))
        {
            await _orderNotes.AddAsync(order.Id, $"payment attempt {open.AttemptNumber} (out_trade_no {open.OutTradeNo}) {what}; a new payment is started for the shopper.");
            return null;
        }

        // Something else settled it meanwhile (a payment, a close): decide from what it is now.
        var now = (await _attempts.ListByOrderAsync(order.Id, cancellationToken)).FirstOrDefault(a => a.Id == open.Id);
        return now is null || !now.Status.HoldsMoney()
            ? null
            : PaymentStart.ToProblemPage(problemPage, now, $"out_trade_no {open.OutTradeNo} was just settled ({now.Status})") with { AlreadyPaid = now.Status == PaymentAttemptStatus.Paid };
    }

    private static PaymentStart Reuse(QfPayPaymentAttempt open) =>
        (open.PayType == (int)QfPayPayType.AlipayServiceWindowH5 ? PaymentStart.ToTradePay(open.PayUrl!, open) : PaymentStart.ToWallet(open.PayUrl!, open)) with { Reused = true };

    private async Task MarkAwaitingAsync(QfPayPaymentAttempt attempt, QfPayResult<PaymentResponse> result, string payUrlOrTradeNo,
        CancellationToken cancellationToken)
    {
        var change = new AttemptChange(PaymentAttemptStatus.AwaitingPayment, null, UtcNow())
        {
            Syssn = string.IsNullOrWhiteSpace(result.Response!.Syssn) ? null : result.Response.Syssn.Trim(),
            PayUrl = payUrlOrTradeNo,
            LastResponseCode = result.ResponseCode,
        };
        if (await _attempts.TryChangeAsync(attempt.Id, change, cancellationToken))
        {
            change.ApplyTo(attempt);
            return;
        }

        // Moved on already; what it moved to is settled by whoever moved it. The link is still the shopper's way to pay.
        attempt.Syssn ??= change.Syssn;
        attempt.PayUrl ??= payUrlOrTradeNo;
    }

    /// <returns>The new attempt; or Concurrent when another request took this attempt number first (the database's
    /// index on order and number decides); or neither when the database failed.</returns>
    private async Task<(QfPayPaymentAttempt? Attempt, bool Concurrent)> RecordAttemptAsync(Order order, ChargeAmount charge, QfPayAlipaySettings settings,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<QfPayPaymentAttempt> previous;
        try
        {
            previous = await _attempts.ListByOrderAsync(order.Id, cancellationToken);
        }
        catch (DbException)
        {
            return (null, false);
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
                // The link's life as sent, kept with the attempt: a later change of the setting must not change it.
                ExpiresOnUtc = now + PayUrlFreshness.Lifetime(settings.PayType == QfPayPayType.AlipayServiceWindowH5 ? null : settings.PaymentExpiryMinutes),
                ChargedOrderTotal = order.OrderTotal,
            };

            switch (await _attempts.InsertAsync(attempt, cancellationToken))
            {
                case UniqueInsert.Inserted:
                    return (attempt, false);
                case UniqueInsert.Failed:
                    return (null, false);
            }

            if ((await _attempts.ListByOrderAsync(order.Id, cancellationToken)).Any(a => a.AttemptNumber == number))
                return (null, true);

            // A random tail collided (or a restored database reused a number): draw another one.
        }

        return (null, false);
    }

    private async Task<PaymentStart> RefusedAsync(Order order, QfPayPaymentAttempt attempt, QfPayResult<PaymentResponse> result,
        string problemPage, CancellationToken cancellationToken)
    {
        // Unknown and in-progress answers may hide a payment that exists at QFPay: keep the attempt open for a query
        // (the return page or reconciliation), never treat it as failed (docs/qfpay-protocol.md §2.4, §11.11).
        var mayExist = result.RequiresQuery || result.IsSuccess;
        var change = new AttemptChange(mayExist ? PaymentAttemptStatus.Unknown : PaymentAttemptStatus.Failed, Shorten(Describe(result), 500), UtcNow())
        {
            Syssn = attempt.Syssn is null && !string.IsNullOrWhiteSpace(result.Response?.Syssn) ? result.Response.Syssn.Trim() : null,
            LastResponseCode = Shorten(result.ResponseCode ?? result.Problem.ToString(), 16),
        };
        if (await _attempts.TryChangeAsync(attempt.Id, change, cancellationToken))
            change.ApplyTo(attempt);

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

/// <summary>Where the shopper goes after an order was placed with this method (or asked to pay it again).</summary>
/// <param name="SentToWallet">True: <paramref name="RedirectUrl"/> is QFPay's pay_url (or <see cref="TradeNo"/> is set). False: a plugin page.</param>
/// <param name="RedirectUrl">Absolute URL for a 302.</param>
/// <param name="Attempt">The attempt recorded for this trip, when one could be recorded.</param>
/// <param name="Reason">Why the shopper was not sent to the wallet (for logs and tests; never shown raw).</param>
public sealed record PaymentStart(bool SentToWallet, string RedirectUrl, QfPayPaymentAttempt? Attempt, string? Reason)
{
    public static PaymentStart ToWallet(string payUrl, QfPayPaymentAttempt attempt) => new(true, payUrl, attempt, null);

    /// <summary>
    /// 800107: QFPay's <c>pay_params.tradeNO</c> for the page's <c>AlipayJSBridge.call("tradePay")</c>. There is no
    /// address to redirect to (<see cref="RedirectUrl"/> is empty): the shop renders the tradePay page itself.
    /// </summary>
    public string? TradeNo { get; init; }

    public static PaymentStart ToTradePay(string tradeNo, QfPayPaymentAttempt attempt) => new(true, string.Empty, attempt, null) { TradeNo = tradeNo };

    public static PaymentStart ToProblemPage(string problemUrl, QfPayPaymentAttempt? attempt, string reason) => new(false, problemUrl, attempt, reason);

    /// <summary>True when <see cref="Attempt"/> is an earlier attempt whose open link was handed out again (no new payment).</summary>
    public bool Reused { get; init; }

    /// <summary>True when QFPay was asked for a new payment (a new attempt, with its own out_trade_no).</summary>
    public bool IsNewAttempt { get; init; }

    /// <summary>True when an earlier payment turned out paid: no new payment was started.</summary>
    public bool AlreadyPaid { get; init; }
}

/// <summary>
/// How long an attempt's link lives and whether it may be handed out again instead of starting a new payment. QFPay
/// closes a payment at its expired_time: what the store set when the attempt was sent, else QFPay's default of 30
/// minutes. That moment is kept on the attempt (<see cref="QfPayPaymentAttempt.ExpiresOnUtc"/>), so changing the
/// setting later changes nothing for links already out.
/// </summary>
public static class PayUrlFreshness
{
    public static TimeSpan QfPayDefaultLifetime { get; } = TimeSpan.FromMinutes(30);

    /// <summary>A link is handed out only while it has this long left, so it does not die while the shopper logs in to Alipay.</summary>
    public static TimeSpan ReuseMargin { get; } = TimeSpan.FromMinutes(3);

    /// <summary>The lifetime of a link sent with <paramref name="expiryMinutes"/> (the store's PaymentExpiryMinutes at that time).</summary>
    public static TimeSpan Lifetime(int? expiryMinutes) =>
        expiryMinutes is int minutes && minutes > 0 ? TimeSpan.FromMinutes(minutes) : QfPayDefaultLifetime;

    /// <summary>When QFPay closes <paramref name="attempt"/>'s payment; attempts of version 1.0 count from creation with QFPay's default.</summary>
    public static DateTime ExpiresOnUtc(QfPayPaymentAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return DateTime.SpecifyKind(attempt.ExpiresOnUtc ?? attempt.CreatedOnUtc + QfPayDefaultLifetime, DateTimeKind.Utc);
    }

    /// <summary>True while the attempt's link is open and has <see cref="ReuseMargin"/> left.</summary>
    public static bool CanReuse(QfPayPaymentAttempt? attempt, DateTime nowUtc) =>
        attempt is { Status: PaymentAttemptStatus.AwaitingPayment, PayUrl.Length: > 0 } && ExpiresOnUtc(attempt) - ReuseMargin > nowUtc;
}
