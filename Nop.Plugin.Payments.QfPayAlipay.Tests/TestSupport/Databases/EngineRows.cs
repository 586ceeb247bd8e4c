using Nop.Plugin.Payments.QfPayAlipay.Domain;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.TestSupport.Databases;

/// <summary>Rows the engine tests insert directly, each attempt on an order of its own.</summary>
public static class EngineRows
{
    public static readonly DateTime At = new(2026, 3, 18, 6, 0, 0, DateTimeKind.Utc);

    private static int _nextOrderId = 10025;

    /// <summary>
    /// An attempt awaiting payment, numbered as its out_trade_no says ("10025-2-..." is attempt 2). Each gets its own
    /// order, so the only key two of them can share is the one a test is about (out_trade_no).
    /// </summary>
    public static QfPayPaymentAttempt Attempt(string outTradeNo, string? syssn = null, DateTime? createdOnUtc = null) => new()
    {
        OrderId = Interlocked.Increment(ref _nextOrderId),
        StoreId = 1,
        OutTradeNo = outTradeNo,
        AttemptNumber = int.TryParse(outTradeNo.Split('-')[1], out var number) ? number : 1,
        AmountMinor = 12800,
        CurrencyCode = "HKD",
        PayType = 801512,
        Status = PaymentAttemptStatus.AwaitingPayment,
        Syssn = syssn,
        CreatedOnUtc = createdOnUtc ?? At,
        UpdatedOnUtc = At,
    };
}
