using System.Text;
using System.Text.Json;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Notifications;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Notifications;

public class NotificationVerifierTests
{
    [TestCaseSource(typeof(NotificationVector), nameof(NotificationVector.Cases))]
    public void Every_shared_vector_verifies_with_its_key(NotificationVector vector)
    {
        var verdict = NotificationVerifier.Verify(vector.BodyBytes, vector.ExpectedSign, vector.Key);

        Assert.That(verdict.IsAuthentic, Is.True, verdict.Reason);
    }

    [Test]
    public void The_shared_vector_file_holds_both_documented_vectors()
    {
        Assert.That(NotificationVector.Load(), Has.Count.EqualTo(2));
    }

    [Test]
    public void A_lower_case_signature_is_accepted()
    {
        var n1 = NotificationVector.Load()[0];

        Assert.That(NotificationVerifier.Verify(n1.BodyBytes, n1.ExpectedSign.ToLowerInvariant(), n1.Key).IsAuthentic, Is.True);
    }

    [Test]
    public void Surrounding_whitespace_in_the_header_is_ignored()
    {
        var n1 = NotificationVector.Load()[0];

        Assert.That(NotificationVerifier.Verify(n1.BodyBytes, " " + n1.ExpectedSign + " ", n1.Key).IsAuthentic, Is.True);
    }

    [Test]
    public void A_tampered_amount_is_rejected_as_a_signature_mismatch()
    {
        var n1 = NotificationVector.Load()[0];
        var tampered = Encoding.UTF8.GetBytes(n1.RawBody.Replace("\"txamt\": \"12800\"", "\"txamt\": \"12900\"", StringComparison.Ordinal));
        Assume.That(tampered, Is.Not.EqualTo(n1.BodyBytes));

        var verdict = NotificationVerifier.Verify(tampered, n1.ExpectedSign, n1.Key);

        Assert.That(verdict.Failure, Is.EqualTo(NotificationVerificationFailure.SignatureMismatch));
    }

    [Test]
    public void A_re_serialised_body_no_longer_verifies()
    {
        var n1 = NotificationVector.Load()[0];
        using var parsed = JsonDocument.Parse(n1.RawBody);
        var compact = JsonSerializer.SerializeToUtf8Bytes(parsed.RootElement);

        Assert.That(NotificationVerifier.Verify(compact, n1.ExpectedSign, n1.Key).IsAuthentic, Is.False);
    }

    [Test]
    public void A_trailing_newline_added_to_the_body_breaks_the_signature()
    {
        var n1 = NotificationVector.Load()[0];

        Assert.That(NotificationVerifier.Verify(Encoding.UTF8.GetBytes(n1.RawBody + "\n"), n1.ExpectedSign, n1.Key).IsAuthentic, Is.False);
    }

    [Test]
    public void Another_key_is_rejected_and_the_reason_asks_whether_it_is_the_right_key()
    {
        var n1 = NotificationVector.Load()[0];

        var verdict = NotificationVerifier.Verify(n1.BodyBytes, n1.ExpectedSign, "00000000000000000000000000000000");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Failure, Is.EqualTo(NotificationVerificationFailure.SignatureMismatch));
            Assert.That(verdict.Reason, Does.Contain("client key of the app code QFPay notifies for"));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void A_missing_header_is_reported_as_missing(string? header)
    {
        var verdict = NotificationVerifier.Verify("{}"u8, header, "key");

        Assert.That(verdict.Failure, Is.EqualTo(NotificationVerificationFailure.MissingSignatureHeader));
    }

    [TestCase("BA445D2E84B5E38461DE3B393CCCC93")]
    [TestCase("BA445D2E84B5E38461DE3B393CCCC9300")]
    [TestCase("ZA445D2E84B5E38461DE3B393CCCC930")]
    [TestCase("55BED8288586B02E3836BF0C4BAEC24C002B1C87E1C355F356A3547AB97A64B4")]
    public void A_header_that_is_not_32_hex_digits_is_reported_as_malformed(string header)
    {
        var verdict = NotificationVerifier.Verify("{}"u8, header, "key");

        Assert.That(verdict.Failure, Is.EqualTo(NotificationVerificationFailure.MalformedSignatureHeader));
    }

    [Test]
    public void An_empty_body_is_reported_with_a_hint_about_request_buffering()
    {
        var verdict = NotificationVerifier.Verify(ReadOnlySpan<byte>.Empty, "BA445D2E84B5E38461DE3B393CCCC930", "key");

        Assert.Multiple(() =>
        {
            Assert.That(verdict.Failure, Is.EqualTo(NotificationVerificationFailure.EmptyBody));
            Assert.That(verdict.Reason, Does.Contain("buffering"));
        });
    }

    [Test]
    public void A_store_without_a_key_cannot_verify_anything()
    {
        var n1 = NotificationVector.Load()[0];

        Assert.That(NotificationVerifier.Verify(n1.BodyBytes, n1.ExpectedSign, "").Failure, Is.EqualTo(NotificationVerificationFailure.MissingClientKey));
    }

    [Test]
    public void No_reason_ever_contains_the_key_or_the_expected_signature()
    {
        var n1 = NotificationVector.Load()[0];
        var wrongSignature = new string('0', 32);
        var verdicts = new[]
        {
            NotificationVerifier.Verify(n1.BodyBytes, wrongSignature, n1.Key),
            NotificationVerifier.Verify(n1.BodyBytes, null, n1.Key),
            NotificationVerifier.Verify(n1.BodyBytes, "xyz", n1.Key),
            NotificationVerifier.Verify(ReadOnlySpan<byte>.Empty, wrongSignature, n1.Key),
        };

        Assert.Multiple(() =>
        {
            foreach (var verdict in verdicts)
            {
                Assert.That(verdict.ToString(), Does.Not.Contain(n1.Key));
                Assert.That(verdict.ToString(), Does.Not.Contain(n1.ExpectedSign).IgnoreCase);
            }
        });
    }
}
