using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Payments.QfPayAlipay.Alipay;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Alipay;

public class OAuthStateTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private const string Session = "6f1c4c8e-8f0e-4c55-9a56-0d3f1b3a2f11";

    private FakeTimeProvider _clock = null!;
    private OAuthState _states = null!;

    [SetUp]
    public void CreateStates()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 18, 6, 15, 0, TimeSpan.Zero));
        _states = new OAuthState(Key, _clock);
    }

    [Test]
    public void A_fresh_state_comes_back_valid_with_its_reference()
    {
        var state = _states.Issue("NOP-10027-1", Session, TimeSpan.FromMinutes(10));

        var check = _states.Verify(state, Session);

        Assert.Multiple(() =>
        {
            Assert.That(check.Verdict, Is.EqualTo(OAuthStateVerdict.Valid));
            Assert.That(check.Reference, Is.EqualTo("NOP-10027-1"));
            Assert.That(check.ExpiresAt, Is.EqualTo(_clock.GetUtcNow().AddMinutes(10)));
        });
    }

    [Test]
    public void Even_the_longest_state_fits_alipays_rule_for_state()
    {
        var state = _states.Issue(new string('订', OAuthState.MaxReferenceBytes / 3), Session, OAuthState.MaxLifetime);

        Assert.Multiple(() =>
        {
            Assert.That(AlipayAuthorizationRequest.IsAcceptableState(state), Is.True, state);
            Assert.That(_states.Verify(state, Session).Reference, Is.EqualTo(new string('订', OAuthState.MaxReferenceBytes / 3)));
        });
    }

    [Test]
    public void Two_states_for_the_same_attempt_differ()
    {
        Assert.That(_states.Issue("A-1", Session, TimeSpan.FromMinutes(5)), Is.Not.EqualTo(_states.Issue("A-1", Session, TimeSpan.FromMinutes(5))));
    }

    [Test]
    public void A_state_with_any_byte_changed_is_forged()
    {
        var state = _states.Issue("NOP-10027-1", Session, TimeSpan.FromMinutes(10));
        var bytes = Convert.FromBase64String(state);

        var verdicts = Enumerable.Range(0, bytes.Length).Select(i =>
        {
            var tampered = (byte[])bytes.Clone();
            tampered[i] ^= 0x01;
            return _states.Verify(Convert.ToBase64String(tampered), Session).Verdict;
        }).ToList();

        // Byte 0 is the version and the reference length byte fixes the size: changing them is caught before the HMAC.
        Assert.That(verdicts, Is.All.AnyOf(OAuthStateVerdict.Forged, OAuthStateVerdict.Malformed));
        Assert.That(verdicts.Count(v => v == OAuthStateVerdict.Forged), Is.GreaterThanOrEqualTo(bytes.Length - 2));
    }

    [Test]
    public void A_state_pointed_at_another_attempt_is_forged()
    {
        var mine = Convert.FromBase64String(_states.Issue("NOP-10027-1", Session, TimeSpan.FromMinutes(10)));
        mine[^17] = (byte)'2';

        Assert.That(_states.Verify(Convert.ToBase64String(mine), Session).Verdict, Is.EqualTo(OAuthStateVerdict.Forged));
    }

    [Test]
    public void A_state_replayed_from_another_session_is_forged()
    {
        var state = _states.Issue("NOP-10027-1", Session, TimeSpan.FromMinutes(10));

        Assert.That(_states.Verify(state, "another-shoppers-session").Verdict, Is.EqualTo(OAuthStateVerdict.Forged));
    }

    [Test]
    public void A_state_made_with_another_key_is_forged()
    {
        var foreign = new OAuthState(RandomNumberGenerator.GetBytes(32), _clock).Issue("NOP-10027-1", Session, TimeSpan.FromMinutes(10));

        Assert.That(_states.Verify(foreign, Session).Verdict, Is.EqualTo(OAuthStateVerdict.Forged));
    }

    [Test]
    public void A_state_is_expired_from_its_expiry_on_and_is_no_longer_valid()
    {
        var state = _states.Issue("NOP-10027-1", Session, TimeSpan.FromMinutes(10));

        _clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        var justBefore = _states.Verify(state, Session);
        _clock.Advance(TimeSpan.FromSeconds(1));
        var atExpiry = _states.Verify(state, Session);

        Assert.Multiple(() =>
        {
            Assert.That(justBefore.IsValid, Is.True);
            Assert.That(atExpiry.Verdict, Is.EqualTo(OAuthStateVerdict.Expired));
            Assert.That(atExpiry.IsValid, Is.False);
            Assert.That(atExpiry.Reference, Is.EqualTo("NOP-10027-1"), "authentic, so the shop knows which attempt to restart");
        });
    }

    [Test]
    public void A_plus_sign_that_came_back_as_a_space_is_tolerated()
    {
        string state;
        do
            state = _states.Issue("NOP-10027-1", Session, TimeSpan.FromMinutes(10));
        while (!state.Contains('+'));

        Assert.That(_states.Verify(state.Replace('+', ' '), Session).IsValid, Is.True);
    }

    [TestCase(null, OAuthStateVerdict.Missing)]
    [TestCase("", OAuthStateVerdict.Missing)]
    [TestCase("not base64!", OAuthStateVerdict.Malformed)]
    [TestCase("AAAA", OAuthStateVerdict.Malformed)]
    public void Anything_that_is_not_a_state_of_this_shop_is_refused(string? state, OAuthStateVerdict verdict)
    {
        Assert.That(_states.Verify(state, Session).Verdict, Is.EqualTo(verdict));
    }

    [Test]
    public void A_short_key_a_long_reference_and_an_endless_lifetime_are_refused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => new OAuthState(new byte[16]), Throws.ArgumentException);
            Assert.That(() => _states.Issue(new string('x', 41), Session, TimeSpan.FromMinutes(1)), Throws.ArgumentException);
            Assert.That(() => _states.Issue("A-1", Session, TimeSpan.FromDays(1)), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => _states.Issue("A-1", "", TimeSpan.FromMinutes(1)), Throws.ArgumentException);
        });
    }

    [Test]
    public void Printing_the_state_protector_never_shows_the_key()
    {
        Assert.That(_states.ToString(), Does.Not.Contain(Convert.ToBase64String(Key)).And.Contain("[redacted]"));
    }
}
