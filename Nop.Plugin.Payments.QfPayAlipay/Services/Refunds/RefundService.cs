using System.Globalization;
using Nop.Core.Caching;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>
/// The admin's "Refund" and "Partial refund" (IPaymentMethod.RefundAsync, PLUGIN-API.md §1.5): one refund of the
/// order's paid attempt, with its own out_trade_no recorded before the call, never more than what is left of the
/// payment (checked before any call), and one at a time per payment (API.md §8.2).
/// </summary>
/// <remarks>
/// <para>What nopCommerce is told decides what it records (it adds the amount to Order.RefundedAmount and sets
/// PaymentStatus from NewPaymentStatus only on success):</para>
/// <list type="bullet">
/// <item>QFPay accepted (0000), or answered 1143/1145/unknown and the query right after found it done: success,
/// NewPaymentStatus Refunded (full) or PartiallyRefunded (partial; nopCommerce turns it into Refunded when the order
/// total is reached).</item>
/// <item>1143/1145, a lost answer, a 429 or a timeout that the query cannot settle: an <b>error</b> saying the refund
/// was submitted and awaits confirmation. nopCommerce records nothing (it writes its "Unable to refund" note with our
/// text), because the refund may not have happened; when QFPay confirms it (notification, reconciliation task, "check
/// status now"), ConfirmedRefundRecorder records it with nopCommerce's offline refund, exactly once. It is never sent
/// again: the row stays pending until a query or notification settles it.</item>
/// <item>A refusal (1265, 1269, 1124, 1251, 1264, 1270-1272 ...): an error with QFPay's reason for that code and what
/// to do; the row is closed as failed, so a later refund gets a new number.</item>
/// </list>
/// </remarks>
public class RefundService
{
    private static readonly TimeSpan LockLifetime = TimeSpan.FromMinutes(2);

    private readonly IPaymentAttemptStore _attempts;
    private readonly RefundAmountCalculator _calculator;
    private readonly QfPayClient _client;
    private readonly ILocker _locker;
    private readonly ILogger _logger;
    private readonly OrderNotes _orderNotes;
    private readonly RefundStatusQuery _query;
    private readonly ConfirmedRefundRecorder _recorder;
    private readonly IRefundStore _refunds;
    private readonly PendingRefundResolver _resolver;
    private readonly ISettingService _settingService;
    private readonly LocalizedTexts _texts;
    private readonly TimeProvider _timeProvider;

    public RefundService(IPaymentAttemptStore attempts,
        RefundAmountCalculator calculator,
        QfPayClient client,
        ILocker locker,
        ILogger logger,
        OrderNotes orderNotes,
        RefundStatusQuery query,
        ConfirmedRefundRecorder recorder,
        IRefundStore refunds,
        PendingRefundResolver resolver,
        ISettingService settingService,
        LocalizedTexts texts,
        TimeProvider timeProvider)
    {
        _attempts = attempts;
        _calculator = calculator;
        _client = client;
        _locker = locker;
        _logger = logger;
        _orderNotes = orderNotes;
        _query = query;
        _recorder = recorder;
        _refunds = refunds;
        _resolver = resolver;
        _settingService = settingService;
        _texts = texts;
        _timeProvider = timeProvider;
    }

    /// <summary>Lock resource serialising the refunds of one payment on this node (the database serialises across nodes).</summary>
    public static string LockKey(int paymentAttemptId) =>
        string.Create(CultureInfo.InvariantCulture, $"{QfPayAlipayDefaults.SystemName}.refund.{paymentAttemptId}");

    public virtual async Task<RefundPaymentResult> RefundAsync(RefundPaymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Order);
        var order = request.Order;

        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(order.StoreId);
        var account = MerchantAccount.From(settings);
        if (!account.IsValid)
            return await ErrorAsync(RefundTexts.NotConfigured, account.Error);

        var payment = await FindPaidAttemptAsync(order, cancellationToken);
        if (payment is null)
            return await ErrorAsync(RefundTexts.NoPaidPayment);

        RefundPaymentResult? result = null;
        var locked = await _locker.PerformActionWithLockAsync(LockKey(payment.Id), LockLifetime, async () =>
            result = await SubmitAsync(account.Value, order, payment, request, cancellationToken));

        return locked && result is not null ? result : await ErrorAsync(RefundTexts.Busy);
    }

    private async Task<RefundPaymentResult> SubmitAsync(QfPayAccount account, Order order, QfPayPaymentAttempt payment, RefundPaymentRequest request,
        CancellationToken cancellationToken)
    {
        // An earlier refund still waiting for QFPay is settled first: QFPay takes one refund of a payment at a time,
        // and what it did decides how much is left (§8.2).
        foreach (var waiting in (await _refunds.ListByPaymentAsync(payment.Id, cancellationToken)).Where(static r => r.Status == RefundStatus.Pending))
            await _resolver.ResolveAsync(account, waiting, RefundSource.BeforeNextRefund, cancellationToken);

        var refunds = await _refunds.ListByPaymentAsync(payment.Id, cancellationToken);
        if (refunds.FirstOrDefault(static r => r.Status == RefundStatus.Pending) is { } pending)
            return await ErrorAsync(RefundTexts.PendingExists, pending.OutTradeNo, AmountText.Of(pending.AmountMinor, pending.CurrencyCode));

        var succeeded = refunds.Where(static r => r.Status == RefundStatus.Succeeded).ToList();
        var remaining = payment.AmountMinor - succeeded.Sum(static r => r.AmountMinor);
        if (remaining <= 0)
            return await ErrorAsync(RefundTexts.NothingLeft, AmountText.Of(payment.AmountMinor, payment.CurrencyCode));

        var amount = await _calculator.ToMinorAsync(order, payment, request.AmountToRefund, request.IsPartialRefund, remaining,
            succeeded.Sum(static r => r.AmountPrimary));
        if (!amount.IsValid)
            return await ErrorAsync(RefundTexts.InvalidAmount, amount.Error);

        if (amount.Value > remaining)
        {
            return await ErrorAsync(RefundTexts.ExceedsPaid, AmountText.Of(amount.Value, payment.CurrencyCode),
                AmountText.Of(remaining, payment.CurrencyCode), AmountText.Of(payment.AmountMinor, payment.CurrencyCode));
        }

        if (amount.Value < 1)
            return await ErrorAsync(RefundTexts.InvalidAmount, $"{request.AmountToRefund.ToString(CultureInfo.InvariantCulture)} is less than one minor unit of {payment.CurrencyCode}");

        var refund = NewRefund(order, payment, request, amount.Value, refunds.Count == 0 ? 1 : refunds.Max(static r => r.Sequence) + 1);
        switch (await _refunds.InsertAsync(refund, cancellationToken))
        {
            case UniqueInsert.Duplicate:
                // Another node took this sequence number a moment ago: that refund goes first.
                return await ErrorAsync(RefundTexts.Busy);
            case UniqueInsert.Failed:
                return await ErrorAsync(RefundTexts.DatabaseError);
        }

        var answer = await _client.RefundAsync(account, new RefundRequest
        {
            OriginalSyssn = payment.Syssn!,
            OutTradeNo = refund.OutTradeNo,
            AmountInMinorUnits = refund.AmountMinor,
        }, cancellationToken);

        if (answer.IsSuccess)
            return await SucceededAsync(refund, answer.Response.Syssn, request, "accepted by QFPay", cancellationToken);

        if (answer.RequiresQuery)
            return await ResolveUncertainAsync(account, refund, answer, request, cancellationToken);

        return await RefusedAsync(refund, answer, cancellationToken);
    }

    /// <summary>1143/1145 or an unknown outcome: one query now; if that cannot settle it, the row stays pending.</summary>
    private async Task<RefundPaymentResult> ResolveUncertainAsync(QfPayAccount account, QfPayRefund refund, QfPayResult<RefundResponse> answer,
        RefundPaymentRequest request, CancellationToken cancellationToken)
    {
        var returnedSyssn = answer.Response is RefundResponse response ? response.Syssn : null;
        await RecordAnswerAsync(refund, answer.ResponseCode, returnedSyssn,
            $"QFPay's answer did not settle it ({answer.Outcome}, {answer.Problem}, code {answer.ResponseCode ?? "none"}); waiting for confirmation.", cancellationToken);

        var finding = await _query.QueryAsync(account, refund, cancellationToken);
        switch (finding.Kind)
        {
            case RefundFindingKind.Succeeded when finding.AmountMinor is null || finding.AmountMinor == refund.AmountMinor:
                return await SucceededAsync(refund, finding.RefundSyssn ?? returnedSyssn, request, "confirmed by the query after QFPay's first answer", cancellationToken);

            case RefundFindingKind.Failed:
                await _resolver.ApplyAsync(refund, finding, RefundSource.RefundCall, cancellationToken);
                var info = QfPayResponseCodes.Interpret(finding.ResponseCode, QfPayOperation.CreateRefund);
                return await ErrorAsync(RefundTexts.Refused, finding.ResponseCode ?? "?", await CodeTextAsync(info.MessageKey, info.Description));
        }

        var amount = AmountText.Of(refund.AmountMinor, refund.CurrencyCode);
        await _orderNotes.AddAsync(refund.OrderId,
            $"refund {amount} submitted (out_trade_no {refund.OutTradeNo}) but not confirmed yet: {finding.Detail}. It is not sent again; it will be recorded once QFPay confirms it.");
        await _logger.WarningAsync($"{OrderNotes.Prefix}refund {refund.OutTradeNo} of order id {refund.OrderId} awaits confirmation: {finding.Detail}.");
        return await ErrorAsync(RefundTexts.Pending, amount, refund.OutTradeNo);
    }

    private async Task<RefundPaymentResult> SucceededAsync(QfPayRefund refund, string? refundSyssn, RefundPaymentRequest request, string how,
        CancellationToken cancellationToken)
    {
        var amount = AmountText.Of(refund.AmountMinor, refund.CurrencyCode);

        // The same claim ConfirmedRefundRecorder takes: whoever gets it records the refund on the order, so a refund
        // notification racing this request can never make nopCommerce count it twice.
        var claim = await _recorder.ClaimAsync(refund, cancellationToken);
        await _recorder.MarkSucceededAsync(refund, refundSyssn, $"Refund {how}.", cancellationToken);
        if (claim == UniqueInsert.Duplicate)
            return await ErrorAsync(RefundTexts.AlreadyRecorded, refund.OutTradeNo);

        await _orderNotes.AddAsync(refund.OrderId,
            $"refund {amount} {how}: out_trade_no {refund.OutTradeNo}, refund syssn {refund.RefundSyssn ?? "not given"}, payment syssn {refund.PaymentSyssn}.");
        await _logger.InformationAsync($"{OrderNotes.Prefix}refund {refund.OutTradeNo} ({amount}) of order id {refund.OrderId} {how}.");

        // Core copies NewPaymentStatus and adds AmountToRefund to RefundedAmount (PLUGIN-API.md §1.5, §6.2).
        return new RefundPaymentResult
        {
            NewPaymentStatus = request.IsPartialRefund ? PaymentStatus.PartiallyRefunded : PaymentStatus.Refunded,
        };
    }

    private async Task<RefundPaymentResult> RefusedAsync(QfPayRefund refund, QfPayResult<RefundResponse> answer, CancellationToken cancellationToken)
    {
        string text;
        if (answer.Problem == QfPayProblem.InvalidRequest)
        {
            text = await _texts.GetAsync(RefundTexts.NotSent, answer.Message);
        }
        else
        {
            var info = QfPayResponseCodes.Interpret(answer.ResponseCode, QfPayOperation.CreateRefund,
                answer.Response?.ResponseMessage, answer.Response?.ResponseError);
            text = await _texts.GetAsync(RefundTexts.Refused, answer.ResponseCode ?? "?", await CodeTextAsync(info.MessageKey, info.Description));
        }

        var fresh = await _refunds.FindByOutTradeNoAsync(refund.OutTradeNo, cancellationToken) ?? refund;
        fresh.Status = RefundStatus.Failed;
        fresh.LastResponseCode = answer.ResponseCode;
        fresh.LastMessage = Shorten(answer.Message ?? text);
        fresh.UpdatedOnUtc = UtcNow();
        await _refunds.UpdateAsync(fresh, cancellationToken);

        await _logger.WarningAsync($"{OrderNotes.Prefix}refund {refund.OutTradeNo} of order id {refund.OrderId} refused: " +
            $"{answer.Outcome}, code {answer.ResponseCode ?? "none"}, QFPay says \"{answer.Message}\".");

        var result = new RefundPaymentResult();
        result.AddError(text);
        return result;
    }

    private async Task RecordAnswerAsync(QfPayRefund refund, string? code, string? refundSyssn, string message, CancellationToken cancellationToken)
    {
        var fresh = await _refunds.FindByOutTradeNoAsync(refund.OutTradeNo, cancellationToken) ?? refund;
        if (fresh.Status != RefundStatus.Pending)
            return;

        fresh.LastResponseCode = code ?? fresh.LastResponseCode;
        fresh.RefundSyssn = string.IsNullOrWhiteSpace(refundSyssn) ? fresh.RefundSyssn : refundSyssn.Trim();
        fresh.LastMessage = Shorten(message);
        fresh.UpdatedOnUtc = UtcNow();
        await _refunds.UpdateAsync(fresh, cancellationToken);
        refund.RefundSyssn = fresh.RefundSyssn;
        refund.LastResponseCode = fresh.LastResponseCode;
    }

    /// <summary>The paid attempt recorded on the order (its CaptureTransactionId), else the latest paid one.</summary>
    private async Task<QfPayPaymentAttempt?> FindPaidAttemptAsync(Order order, CancellationToken cancellationToken)
    {
        var paid = (await _attempts.ListByOrderAsync(order.Id, cancellationToken))
            .Where(static a => a.Status == PaymentAttemptStatus.Paid && !string.IsNullOrWhiteSpace(a.Syssn))
            .ToList();

        return paid.FirstOrDefault(a => string.Equals(a.Syssn, order.CaptureTransactionId, StringComparison.Ordinal)) ?? paid.LastOrDefault();
    }

    private QfPayRefund NewRefund(Order order, QfPayPaymentAttempt payment, RefundPaymentRequest request, long amountMinor, int sequence)
    {
        var now = UtcNow();
        var orderNumber = string.IsNullOrWhiteSpace(order.CustomOrderNumber) ? order.Id.ToString(CultureInfo.InvariantCulture) : order.CustomOrderNumber;
        return new QfPayRefund
        {
            OrderId = order.Id,
            StoreId = order.StoreId,
            PaymentAttemptId = payment.Id,
            PaymentSyssn = payment.Syssn!,
            Sequence = sequence,
            OutTradeNo = OutTradeNumber.ForRefund(orderNumber, sequence),
            AmountMinor = amountMinor,
            CurrencyCode = payment.CurrencyCode,
            AmountPrimary = request.AmountToRefund,
            IsPartial = request.IsPartialRefund,
            Status = RefundStatus.Pending,
            LastMessage = "Recorded; being sent to QFPay.",
            CreatedOnUtc = now,
            UpdatedOnUtc = now,
        };
    }

    private Task<string> CodeTextAsync(string messageKey, string english) => _texts.ResourceOrDefaultAsync(messageKey, english);

    private async Task<RefundPaymentResult> ErrorAsync(AdminText text, params object?[] args)
    {
        var result = new RefundPaymentResult();
        result.AddError(await _texts.GetAsync(text, args));
        return result;
    }

    private DateTime UtcNow() => _timeProvider.GetUtcNow().UtcDateTime;

    private static string Shorten(string text) => text.Length <= 512 ? text : text[..512];
}
