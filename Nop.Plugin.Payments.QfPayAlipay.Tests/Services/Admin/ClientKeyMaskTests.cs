using Nop.Plugin.Payments.QfPayAlipay.Services.Admin;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.Admin;

public class ClientKeyMaskTests
{
    [Test]
    public void A_qfpay_key_is_shown_as_bullets_and_its_last_four_characters()
    {
        Assert.That(ClientKeyMask.For("F3A1C9E7B2D84A6F9C0E1B5D7A3F2C8E"), Is.EqualTo("•••• 2C8E"));
    }

    [Test]
    public void A_short_key_shows_only_bullets_because_four_characters_would_give_too_much_away()
    {
        Assert.That(ClientKeyMask.For("ABCDEF12"), Is.EqualTo("••••"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void No_key_has_no_mask(string? key)
    {
        Assert.That(ClientKeyMask.For(key), Is.Null);
    }
}
