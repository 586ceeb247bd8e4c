using Nop.Plugin.Payments.QfPayAlipay.Alipay;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay;

/// <summary>docs/qfpay-protocol.md §10.2 step 5: tradePay's resultCode is a hint, never a settlement.</summary>
public class TradePayResultTests
{
    [TestCase("9000", TradePayHint.Paid, true)]
    [TestCase("8000", TradePayHint.Processing, true)]
    [TestCase("4000", TradePayHint.Failed, false)]
    [TestCase("6001", TradePayHint.Cancelled, false)]
    [TestCase("6002", TradePayHint.NetworkError, true)]
    [TestCase("6004", TradePayHint.Unknown, true)]
    [TestCase(" 9000 ", TradePayHint.Paid, true)]
    [TestCase("1234", TradePayHint.Unknown, true)]
    [TestCase("", TradePayHint.Unknown, true)]
    [TestCase(null, TradePayHint.Unknown, true)]
    public void Each_result_code_maps_to_a_hint_and_says_whether_money_may_have_moved(string? code, TradePayHint hint, bool mayBePaid)
    {
        var result = TradePayResult.FromResultCode(code);

        Assert.Multiple(() =>
        {
            Assert.That(result.Hint, Is.EqualTo(hint));
            Assert.That(result.MayBePaid, Is.EqualTo(mayBePaid));
            Assert.That(result.IsHintOnly, Is.True);
        });
    }

    [Test]
    public void Whatever_the_browser_sends_only_a_short_digit_code_is_kept()
    {
        Assert.Multiple(() =>
        {
            Assert.That(TradePayResult.FromResultCode("9000").ResultCode, Is.EqualTo("9000"));
            Assert.That(TradePayResult.FromResultCode("<script>alert(1)</script>").ResultCode, Is.Null);
            Assert.That(TradePayResult.FromResultCode("900000000000").ResultCode, Is.Null);
        });
    }
}
