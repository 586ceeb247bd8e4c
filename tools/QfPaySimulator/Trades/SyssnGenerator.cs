using System.Globalization;

namespace QfPaySimulator.Trades;

/// <summary>
/// Makes QFPay-looking numbers: a 26-digit <c>syssn</c> starting with the date, like
/// <c>20250318155400020012345678</c> (docs/qfpay-protocol.md §4.6), and 28-digit Alipay trade numbers for <c>chnlsn</c> and
/// 800107's <c>pay_params.tradeNO</c> (docs/qfpay-protocol.md §4.7). A shared counter keeps them unique; its random start keeps
/// numbers from an earlier run of the simulator from coming back.
/// </summary>
internal sealed class SyssnGenerator
{
    private long counter = Random.Shared.NextInt64(1, 900_000) * 1_000_000;

    public string NextSyssn(DateTimeOffset now) =>
        now.ToOffset(QfPayClock.Offset).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
        + (Interlocked.Increment(ref counter) % 1_000_000_000_000).ToString("D12", CultureInfo.InvariantCulture);

    public string NextAlipayTradeNo(DateTimeOffset now) =>
        now.ToOffset(QfPayClock.Offset).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "2200"
        + (Interlocked.Increment(ref counter) % 10_000_000_000_000_000).ToString("D16", CultureInfo.InvariantCulture);
}
