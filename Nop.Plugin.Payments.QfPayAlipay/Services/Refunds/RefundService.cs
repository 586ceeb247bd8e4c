using System.Globalization;
using Nop.Core.Caching;
using Nop.Core.Domain.Orders;
using Nop.Core.Domain.Payments;
using Nop.Plugin.Payments.QfPayAlipay.Data;
using Nop.Plugin.Payments.QfPayAlipay.Domain;
using Nop.Plugin.Payments.QfPayAlipay.Localization;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Client;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Codes;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;
using Nop.Plugin.Payments.QfPayAlipay.Services.Settlement;
using Nop.Services.Configuration;
using Nop.Services.Logging;
using Nop.Services.Orders;
using Nop.Services.Payments;

namespace Nop.Plugin.Payments.QfPayAlipay.Services.Refunds;

/// <summary>What one refund submission came to.</summary>
public enum RefundSubmissionState
{
    /// <summary>QFPay confirmed it (at once, or through the query right after); the caller records it.</summary>
    Succeeded,

    /// <summary>QFPay confirmed it and a notification recorded it first: nothing more to record.</summary>
    AlreadyRecorded,

    /// <summary>Sent, not confirmed yet: recorded when QFPay confirms it, never sent again.</summary>
    Pending,

    /// <summary>Not sent, or refused by QFPay: nothing was refunded.</summary>
    NotRefunded,
}

/// <param name="Text">What the admin reads (localized).</param>
public sealed record RefundSubmission(RefundSubmissionState State, string Text, QfPayRefund? Refund = null);

/// <summary>
/// The admin's refunds: nopCommerce's "Refund" and "Partial refund" (IPaymentMethod.RefundAsync) of the payment that paid
/// the order, and the order page's "Refund this duplicate payment" of a payment the order did not keep. Each refund has
/// its own out_trade_no recorded before the call, is this payment's share in its own terms (<see cref="RefundAmountCalculator"/>),
/// never more than what is left of it (checked before any call), and one at a time per payment.
/// </summary>
/// <remarks>
/// <para>What nopCommerce is told decides what it records (it adds the amount to Order.RefundedAmount and sets
/// PaymentStatus from NewPaymentStatus only on success):</para>
/// <list type="bullet">
/// <item>QFPay accepted (0000), or answered 1143/1145/unknown and the query right after found it done: success,
/// NewPaymentStatus Refunded (full) or PartiallyRefunded (partial).</item>
/// <item>1143/1145, a lost answer, a 429 or a timeout that the query cannot settle: an <b>error</b> saying the refund
/// was submitted and awaits confirmation. nopCommerce records nothing, because the refund may not have happened; when
/// QFPay confirms it, ConfirmedRefundRecorder records it with nopCommerce's offline refund, exactly once. It is never
/// sent again.</item>
/// <item>A refusal (1265, 1269, 1124, 1251, 1264, 1270-1272 ...): an error with QFPay's reason for that code and what
/// to do; the row is closed as failed, so a later refund gets a new number.</item>
/// </list>
/// <para>A duplicate payment's refund is never recorded on the order: the order's own payment and refunds are untouched.</para>
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
    private readonly IOrderService _orderService;
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
        IOrderService orderService,
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
        _orderService = orderService;
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

    /// <summary>nopCommerce's "Refund" (the whole order total) and "Partial refund", of the payment that paid the order.</summary>
    public virtual async Task<RefundPaymentResult> RefundAsync(RefundPaymentRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Order);
        var order = request.Order;

        var payment = (await _attempts.ListByOrderAsync(order.Id, cancellationToken))
            .Where(static a => a.Status == PaymentAttemptStatus.Paid && !string.IsNullOrWhiteSpace(a.Syssn))
            .OrderByDescending(a => string.Equals(a.Syssn, order.CaptureTransactionId, StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault();
        if (payment is null)
            return Error(await _texts.GetAsync(RefundTexts.NoPaidPayment));

        var submission = await SubmitLockedAsync(order, payment, request.AmountToRefund, request.IsPartialRefund, cancellationToken);
        if (submission.State != RefundSubmissionState.Succeeded)
            return Error(submission.Text);

        // Core copies NewPaymentStatus and adds AmountToRefund to RefundedAmount (docs/nopcommerce.md §1.5, §6.2).
        return new RefundPaymentResult { NewPaymentStatus = request.IsPartialRefund ? PaymentStatus.PartiallyRefunded : PaymentStatus.Refunded };
    }

    /// <summary>
    /// The order page's "Refund this duplicate payment" (or "Refund this payment" for one the order could not take):
    /// all of what is left of it, recorded on the attempt and in the order notes, never as a refund of the order.
    /// </summary>
    public virtual async Task<RefundSubmission> RefundMoneyToReturnAsync(int orderId, int attemptId, CancellationToken cancellationToken = default)
    {
        var order = await _orderService.GetOrderByIdAsync(orderId);
        var payment = order is null ? null : (await _attempts.ListByOrderAsync(order.Id, cancellationToken)).FirstOrDefault(a => a.Id == attemptId);
        if (order is null || payment is null || !payment.Status.IsMoneyToReturn() || string.IsNullOrWhiteSpace(payment.Syssn))
            return new RefundSubmission(RefundSubmissionState.NotRefunded, await _texts.GetAsync(RefundTexts.NotMoneyToReturn));

        var submission = await SubmitLockedAsync(order, payment, null, false, cancellationToken);
        if (submission.State is RefundSubmissionState.Succeeded or RefundSubmissionState.AlreadyRecorded && submission.Refund is { } refund)
            return submission with { Text = await _texts.GetAsync(RefundTexts.MoneyReturned, MinorUnits.Display(refund.AmountMinor, refund.CurrencyCode), payment.OutTradeNo) };

        return submission;
    }

    private async Task<RefundSubmission> SubmitLockedAsync(Order order, QfPayPaymentAttempt payment, decimal? amountToRefund, bool isPartial,
        CancellationToken cancellationToken)
    {
        var settings = await _settingService.LoadSettingAsync<QfPayAlipaySettings>(order.StoreId);
        var account = MerchantAccount.From(settings);
        if (!account.IsValid)
            return await NotRefundedAsync(RefundTexts.NotConfigured, account.Error);

        RefundSubmission? result = null;
        var locked = await _locker.PerformActionWithLockAsync(LockKey(payment.Id), LockLifetime, async () =>
            result = await SubmitAsync(account.Value, order, payment, amountToRefund, isPartial, cancellationToken));

        return locked && result is not null ? result : await NotRefundedAsync(RefundTexts.Busy);
    }

    /// <param name="amountToRefund">Primary store currency; null for all of what is left (a payment the order does not keep).</param>
    private async Task<RefundSubmission> SubmitAsync(QfPayAccount account, Order order, QfPayPaymentAttempt payment, decimal? amountToRefund, bool isPartial,
        CancellationToken cancellationToken)
    {
        // An earlier refund still waiting for QFPay is settled first: QFPay takes one refund of a payment at a time,
        // and what it did decides how much is left.
        foreach (var waiting in (await _refunds.ListByPaymentAsync(payment.Id, cancellationToken)).Where(static r => r.Status == RefundStatus.Pending))
            await _resolver.ResolveAsync(account, waiting, RefundSource.BeforeNextRefund, cancellationToken);

        var refunds = await _refunds.ListByPaymentAsync(payment.Id, cancellationToken);
        if (refunds.FirstOrDefault(static r => r.Status == RefundStatus.Pending) is { } pending)
            return await NotRefundedAsync(RefundTexts.PendingExists, pending.OutTradeNo, MinorUnits.Display(pending.AmountMinor, pending.CurrencyCode));

        var succeeded = refunds.Where(static r => r.Status == RefundStatus.Succeeded).ToList();
        var refundedMinor = succeeded.Sum(static r => r.AmountMinor);
        if (refundedMinor >= payment.AmountMinor)
            return await NotRefundedAsync(RefundTexts.NothingLeft, MinorUnits.Display(payment.AmountMinor, payment.CurrencyCode));

        var amount = amountToRefund is { } asked
            ? _calculator.Calculate(payment, order.OrderTotal, asked, succeeded.Sum(static r => r.AmountPrimary), refundedMinor)
            : new RefundAmount(payment.AmountMinor - refundedMinor, null);
        if (!amount.IsValid)
        {
            return amount.Problem == RefundAmountProblem.ExceedsPayment
                ? await NotRefundedAsync(RefundTexts.ExceedsPaid, amount.Refusal,
                    MinorUnits.Display(payment.AmountMinor - refundedMinor, payment.CurrencyCode), MinorUnits.Display(payment.AmountMinor, payment.CurrencyCode))
                : await NotRefundedAsync(RefundTexts.InvalidAmount, amount.Refusal);
        }

        var primary = amountToRefund ?? (payment.ChargedOrderTotal ?? 0m) - succeeded.Sum(static r => r.AmountPrimary);
        var refund = NewRefund(order, payment, primary, isPartial, amount.Minor, refunds.Count == 0 ? 1 : refunds.Max(static r => r.Sequence) + 1);
        switch (await _refunds.InsertAsync(refund, cancellationToken))
        {
            case UniqueInsert.Duplicate:
                // Another node took this sequence number a moment ago: that refund goes first.
                return await NotRefundedAsync(RefundTexts.Busy);
            case UniqueInsert.Failed:
                return await NotRefundedAsync(RefundTexts.DatabaseError);
        }

        var answer = await _client.RefundAsync(account, new RefundRequest
        {
            OriginalSyssn = payment.Syssn!,
            OutTradeNo = refund.OutTradeNo,
            AmountInMinorUnits = refund.AmountMinor,
        }, cancellationToken);

        if (answer.IsSuccess)
            return await SucceededAsync(refund, answer.Response.Syssn, "accepted by QFPay", payment, cancellationToken);

        if (answer.RequiresQuery)
            return await ResolveUncertainAsync(account, refund, answer, payment, cancellationToken);

        return await RefusedAsync(refund, answer, cancellationToken);
    }

    /// <summary>1143/1145 or an unknown outcome: one query now; if that cannot settle it, the row stays pending.</summary>
    private async Task<RefundSubmission> ResolveUncertainAsync(QfPayAccount account, QfPayRefund refund, QfPayResult<RefundResponse> answer,
        QfPayPaymentAttempt payment, CancellationToken cancellationToken)
    {
        var returnedSyssn = answer.Response is RefundResponse response && !string.IsNullOrWhiteSpace(response.Syssn) ? response.Syssn.Trim() : null;
        if (await _refunds.RecordAnswerAsync(refund.Id, new RefundAnswer(answer.ResponseCode, returnedSyssn,
                Shorten($"QFPay's answer did not settle it ({answer.Outcome}, {answer.Problem}, code {answer.ResponseCode ?? "none"}); waiting for confirmation."), UtcNow()),
                cancellationToken))
        {
            refund.RefundSyssn = returnedSyssn ?? refund.RefundSyssn;
            refund.LastResponseCode = answer.ResponseCode ?? refund.LastResponseCode;
        }

        var finding = await _query.QueryAsync(account, refund, cancellationToken);
        switch (finding.Kind)
        {
            case RefundFindingKind.Succeeded when finding.AmountMinor is null || finding.AmountMinor == refund.AmountMinor:
                return await SucceededAsync(refund, finding.RefundSyssn ?? returnedSyssn, "confirmed by the query after QFPay's first answer", payment, cancellationToken);

            case RefundFindingKind.Failed:
                await _resolver.ApplyAsync(refund, finding, RefundSource.RefundCall, cancellationToken);
                var info = QfPayResponseCodes.Interpret(finding.ResponseCode, QfPayOperation.CreateRefund);
                return await NotRefundedAsync(RefundTexts.Refused, finding.ResponseCode ?? "?", await CodeTextAsync(info.MessageKey, info.Description));
        }

        var amount = MinorUnits.Display(refund.AmountMinor, refund.CurrencyCode);
        await _orderNotes.AddAsync(refund.OrderId,
            $"refund {amount} submitted (out_trade_no {refund.OutTradeNo}) but not confirmed yet: {finding.Detail}. It is not sent again; it will be recorded once QFPay confirms it.");
        await _logger.WarningAsync($"{OrderNotes.Prefix}refund {refund.OutTradeNo} of order id {refund.OrderId} awaits confirmation: {finding.Detail}.");
        return new RefundSubmission(RefundSubmissionState.Pending, await _texts.GetAsync(RefundTexts.Pending, amount, refund.OutTradeNo), refund);
    }

    private async Task<RefundSubmission> SucceededAsync(QfPayRefund refund, string? refundSyssn, string how, QfPayPaymentAttempt payment,
        CancellationToken cancellationToken)
    {
        var amount = MinorUnits.Display(refund.AmountMinor, refund.CurrencyCode);

        // The same claim ConfirmedRefundRecorder takes: whoever gets it records the refund, so a refund notification
        // racing this request can never make nopCommerce count it twice.
        var claim = await _recorder.ClaimAsync(refund, cancellationToken);
        await _recorder.MarkSucceededAsync(refund, refundSyssn, $"Refund {how}.", cancellationToken);
        if (claim == UniqueInsert.Duplicate)
            return new RefundSubmission(RefundSubmissionState.AlreadyRecorded, await _texts.GetAsync(RefundTexts.AlreadyRecorded, refund.OutTradeNo), refund);

        // nopCommerce records it as soon as this request returns; noted first, so that a record left half-way shows.
        await _recorder.MarkRecordedAsync(refund, cancellationToken);

        var of = payment.Status.IsMoneyToReturn()
            ? $" of {(payment.Status == PaymentAttemptStatus.DuplicatePayment ? "the duplicate payment" : "the payment the order could not take")} {payment.OutTradeNo}; not counted as a refund of the order"
            : string.Empty;
        await _orderNotes.AddAsync(refund.OrderId,
            $"refund {amount}{of} {how}: out_trade_no {refund.OutTradeNo}, refund syssn {refund.RefundSyssn ?? "not given"}, payment syssn {refund.PaymentSyssn}.");
        await _logger.InformationAsync($"{OrderNotes.Prefix}refund {refund.OutTradeNo} ({amount}) of order id {refund.OrderId} {how}.");
        return new RefundSubmission(RefundSubmissionState.Succeeded, amount, refund);
    }

    private async Task<RefundSubmission> RefusedAsync(QfPayRefund refund, QfPayResult<RefundResponse> answer, CancellationToken cancellationToken)
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

        // Guarded: a notification confirming it meanwhile keeps it succeeded.
        await _refunds.TryChangeAsync(refund.Id, new RefundChange(RefundStatus.Failed, Shorten(answer.Message ?? text), UtcNow())
        {
            LastResponseCode = answer.ResponseCode,
        }, cancellationToken);

        await _logger.WarningAsync($"{OrderNotes.Prefix}refund {refund.OutTradeNo} of order id {refund.OrderId} refused: " +
            $"{answer.Outcome}, code {answer.ResponseCode ?? "none"}, QFPay says \"{answer.Message}\".");
        return new RefundSubmission(RefundSubmissionState.NotRefunded, text, refund);
    }

    private QfPayRefund NewRefund(Order order, QfPayPaymentAttempt payment, decimal amountPrimary, bool isPartial, long amountMinor, int sequence)
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
            AmountPrimary = amountPrimary,
            IsPartial = isPartial,
            Status = RefundStatus.Pending,
            LastMessage = "Recorded; being sent to QFPay.",
            CreatedOnUtc = now,
            UpdatedOnUtc = now,
        };
    }

    private Task<string> CodeTextAsync(string messageKey, string english) => _texts.ResourceOrDefaultAsync(messageKey, english);

    private async Task<RefundSubmission> NotRefundedAsync(LocaleResource text, params object?[] args) =>
        new(RefundSubmissionState.NotRefunded, await _texts.GetAsync(text, args));

    private static RefundPaymentResult Error(string text)
    {
        var result = new RefundPaymentResult();
        result.AddError(text);
        return result;
    }

    private DateTime UtcNow() => _timeProvider.GetUtcNow().UtcDateTime;

    private static string Shorten(string text) => text.Length <= 512 ? text : text[..512];
}

/// <summary>How much of a payment one refund sends, in the payment's own minor units, or why none.</summary>
public sealed record RefundAmount(long Minor, string? Refusal, RefundAmountProblem Problem = RefundAmountProblem.None)
{
    public bool IsValid => Refusal is null;
}

public enum RefundAmountProblem
{
    None,

    /// <summary>Zero, negative, or less than one minor unit of the payment's currency.</summary>
    NotExpressible,

    /// <summary>It would bring the payment's refunds above what the payment paid.</summary>
    ExceedsPayment,
}

/// <summary>
/// Turns the amount nopCommerce asks to refund (primary store currency) into txamt in the payment's own terms: the
/// refund's share of what the payment paid, <c>txamt × refund ÷ order total charged</c>, rounded by the money rule
/// (<see cref="MinorUnits"/>: nearest minor unit, halves away from zero). Never a fresh currency conversion: the
/// exchange rate, or the order total an admin edits later, do not change what the payment paid. The refund that
/// completes the payment sends exactly what is left of it, so a payment's refunds add up to its txamt to the unit.
/// See docs/money-invariants.md, "Refunds in the payment's own terms".
/// </summary>
public class RefundAmountCalculator
{
    /// <param name="payment">The paid attempt being refunded.</param>
    /// <param name="orderTotal">The order's total now, used only for attempts recorded before version 1.1 (no charged total kept).</param>
    /// <param name="amountToRefund">What the admin asked for, in the primary store currency.</param>
    /// <param name="refundedPrimary">What the payment's refunds (confirmed or awaiting confirmation) add up to, in the primary currency.</param>
    /// <param name="refundedMinor">The same refunds in the payment's minor units.</param>
    public virtual RefundAmount Calculate(QfPayPaymentAttempt payment, decimal orderTotal, decimal amountToRefund, decimal refundedPrimary, long refundedMinor)
    {
        ArgumentNullException.ThrowIfNull(payment);
        var charged = payment.ChargedOrderTotal ?? orderTotal;
        if (charged <= 0)
            return Refuse(RefundAmountProblem.NotExpressible, "the payment's charged amount is not known");

        if (amountToRefund <= 0)
            return Refuse(RefundAmountProblem.NotExpressible, $"{Format(amountToRefund)} is not an amount that can be refunded");

        var after = refundedPrimary + amountToRefund;
        if (after > charged)
        {
            return Refuse(RefundAmountProblem.ExceedsPayment,
                $"{Format(amountToRefund)} would bring this payment's refunds to {Format(after)}, more than the {Format(charged)} it paid");
        }

        var left = payment.AmountMinor - refundedMinor;
        if (after == charged)
            return left > 0 ? new RefundAmount(left, null) : Refuse(RefundAmountProblem.ExceedsPayment, "nothing is left of this payment to refund");

        var minor = decimal.Round(payment.AmountMinor * amountToRefund / charged, 0, MidpointRounding.AwayFromZero);
        if (minor < 1)
        {
            return Refuse(RefundAmountProblem.NotExpressible,
                $"{Format(amountToRefund)} is less than one minor unit of the {payment.CurrencyCode} the payment was charged in");
        }

        if (minor > left)
        {
            return Refuse(RefundAmountProblem.ExceedsPayment,
                $"{Format(amountToRefund)} comes to {MinorUnits.Display((long)minor, payment.CurrencyCode)} of the payment, more than the {MinorUnits.Display(left, payment.CurrencyCode)} left");
        }

        return new RefundAmount((long)minor, null);
    }

    private static RefundAmount Refuse(RefundAmountProblem problem, string why) => new(0, why, problem);

    private static string Format(decimal amount) => amount.ToString("0.####", CultureInfo.InvariantCulture);
}
