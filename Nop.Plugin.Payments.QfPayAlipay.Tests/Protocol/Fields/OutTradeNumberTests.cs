using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Fields;

public class OutTradeNumberTests
{
    [Test]
    public void A_payment_number_is_order_attempt_and_six_random_characters()
    {
        Assert.That(OutTradeNumber.ForPayment("10025", 2), Does.Match("^10025-2-[A-Z0-9]{6}$"));
    }

    [Test]
    public void A_refund_number_is_order_R_sequence_and_six_random_characters()
    {
        Assert.That(OutTradeNumber.ForRefund("10025", 1), Does.Match("^10025-R1-[A-Z0-9]{6}$"));
    }

    [Test]
    public void Attempts_and_refunds_of_one_order_never_share_a_number()
    {
        var numbers = Enumerable.Range(1, 50).Select(n => OutTradeNumber.ForPayment("10025", n))
            .Concat(Enumerable.Range(1, 50).Select(n => OutTradeNumber.ForRefund("10025", n)))
            .Select(number => number[..number.LastIndexOf('-')]);

        Assert.That(numbers, Is.Unique, "the attempt or refund number alone keeps them apart");
    }

    [Test]
    public void The_random_tail_differs_between_calls_for_the_same_attempt()
    {
        // 36^6 tails: two equal ones in 50 draws has odds of about 1 in 2 million, two pairs about 1 in 10^13.
        var tails = Enumerable.Range(0, 50).Select(_ => OutTradeNumber.ForPayment("10025", 1)[^6..]).ToList();

        Assert.That(tails.Distinct().Count(), Is.GreaterThanOrEqualTo(49));
    }

    [TestCase("ORD/2025#17 ü", "ORD_2025_17")]
    [TestCase("  42  ", "42")]
    [TestCase("a--b__c", "a--b__c")]
    [TestCase("###", "order")]
    [TestCase("", "order")]
    public void Order_numbers_are_reduced_to_allowed_characters(string orderNumber, string expected)
    {
        Assert.That(OutTradeNumber.SanitizeOrderNumber(orderNumber), Is.EqualTo(expected));
    }

    [Test]
    public void A_long_order_number_keeps_its_distinctive_tail_and_the_result_fits_64()
    {
        var orderNumber = new string('A', 100) + "-000123";

        var number = OutTradeNumber.ForRefund(orderNumber, int.MaxValue);

        Assert.Multiple(() =>
        {
            Assert.That(number.Length, Is.LessThanOrEqualTo(OutTradeNumber.MaxLength));
            Assert.That(number, Does.Contain("000123-R2147483647-"));
            Assert.That(OutTradeNumber.IsValid(number), Is.True);
        });
    }

    [TestCase("10025-1-ABC123", true)]
    [TestCase("a_b-C9", true)]
    [TestCase("", false)]
    [TestCase(null, false)]
    [TestCase("with space", false)]
    [TestCase("測試", false)]
    [TestCase("a+b", false)]
    public void Validity_means_1_to_64_characters_of_letters_digits_underscore_and_dash(string? value, bool expected)
    {
        Assert.That(OutTradeNumber.IsValid(value), Is.EqualTo(expected));
    }

    [Test]
    public void Sixty_five_characters_are_too_many()
    {
        Assert.Multiple(() =>
        {
            Assert.That(OutTradeNumber.IsValid(new string('a', 64)), Is.True);
            Assert.That(OutTradeNumber.IsValid(new string('a', 65)), Is.False);
        });
    }

    [Test]
    public void Attempts_and_refunds_start_at_one()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => OutTradeNumber.ForPayment("1", 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => OutTradeNumber.ForRefund("1", 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }
}
