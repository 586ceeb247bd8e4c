using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Payments.QfPayAlipay.Services.ServiceWindow;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Services.ServiceWindow;

/// <summary>The state key comes from the QFPay client key, so every web node agrees without a new secret.</summary>
public class OAuthStateKeyTests
{
    private const string ClientKey = "0123456789ABCDEF0123456789ABCDEF";

    [Test]
    public void Two_nodes_with_the_same_client_key_accept_each_others_states()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var nodeA = OAuthStateKey.For(new QfPayAlipaySettings { ClientKey = ClientKey }, clock)!;
        var nodeB = OAuthStateKey.For(new QfPayAlipaySettings { ClientKey = ClientKey }, clock)!;

        var state = nodeA.Issue("order", "binding", TimeSpan.FromMinutes(10));

        Assert.That(nodeB.Verify(state, "binding").IsValid, Is.True);
    }

    [Test]
    public void Another_client_key_cannot_verify_a_state()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var state = OAuthStateKey.For(new QfPayAlipaySettings { ClientKey = ClientKey }, clock)!.Issue("order", "binding", TimeSpan.FromMinutes(10));

        var other = OAuthStateKey.For(new QfPayAlipaySettings { ClientKey = "FEDCBA9876543210FEDCBA9876543210" }, clock)!;

        Assert.That(other.Verify(state, "binding").IsValid, Is.False);
    }

    [Test]
    public void No_client_key_means_no_state_key()
    {
        Assert.That(OAuthStateKey.For(new QfPayAlipaySettings { ClientKey = " " }, TimeProvider.System), Is.Null);
    }

    [Test]
    public void A_reference_round_trips_with_its_retry_mark()
    {
        var guid = Guid.NewGuid();

        Assert.Multiple(() =>
        {
            Assert.That(ServiceWindowReference.Parse(new ServiceWindowReference(guid, false).ToString()), Is.EqualTo(new ServiceWindowReference(guid, false)));
            Assert.That(ServiceWindowReference.Parse(new ServiceWindowReference(guid, true).ToString()), Is.EqualTo(new ServiceWindowReference(guid, true)));
            Assert.That(ServiceWindowReference.Parse("not-a-guid"), Is.Null);
        });
    }
}
