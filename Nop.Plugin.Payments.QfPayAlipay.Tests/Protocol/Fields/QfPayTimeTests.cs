using Microsoft.Extensions.Time.Testing;
using Nop.Plugin.Payments.QfPayAlipay.Protocol.Fields;

namespace Nop.Plugin.Payments.QfPayAlipay.Tests.Protocol.Fields;

public class QfPayTimeTests
{
    [Test]
    public void Txdtm_is_hong_kong_time_whatever_the_clocks_offset()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 18, 6, 5, 9, TimeSpan.Zero));

        Assert.That(QfPayTime.Txdtm(clock), Is.EqualTo("2025-03-18 14:05:09"));
    }

    [Test]
    public void Txdtm_rolls_over_to_the_next_day_in_hong_kong()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 31, 20, 30, 0, TimeSpan.FromHours(-4)));

        Assert.That(QfPayTime.Txdtm(clock), Is.EqualTo("2025-04-01 08:30:00"));
    }

    [Test]
    public void Txdtm_uses_invariant_digits_and_a_24_hour_clock()
    {
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("ar-SA");
            Assert.That(QfPayTime.ToQfPayText(new DateTimeOffset(2025, 3, 18, 23, 0, 0, QfPayTime.Offset)), Is.EqualTo("2025-03-18 23:00:00"));
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = previous;
        }
    }

    [Test]
    public void QfPay_times_are_read_as_utc_plus_8()
    {
        Assert.Multiple(() =>
        {
            Assert.That(QfPayTime.TryParse("2025-03-18 14:05:10", out var instant), Is.True);
            Assert.That(instant.UtcDateTime, Is.EqualTo(new DateTime(2025, 3, 18, 6, 5, 10, DateTimeKind.Utc)));
            Assert.That(QfPayTime.TryParse("18/03/2025", out _), Is.False);
        });
    }

    [Test]
    public void The_month_window_of_an_instant_matches_vector_V11()
    {
        var window = QfPayTime.MonthOf(new DateTimeOffset(2025, 3, 18, 14, 5, 9, QfPayTime.Offset));

        Assert.Multiple(() =>
        {
            Assert.That(window.StartText, Is.EqualTo("2025-03-01 00:00:00"));
            Assert.That(window.EndText, Is.EqualTo("2025-03-31 23:59:59"));
        });
    }

    [Test]
    public void A_mid_month_creation_needs_one_window()
    {
        var created = new DateTimeOffset(2025, 3, 18, 14, 5, 9, QfPayTime.Offset);

        Assert.That(QfPayTime.MonthWindows(created, created, TimeSpan.FromHours(1)).Select(w => w.ToString()),
            Is.EqualTo(new[] { "2025-03-01 00:00:00 .. 2025-03-31 23:59:59" }));
    }

    [Test]
    public void A_creation_just_before_month_end_also_searches_the_next_month()
    {
        var created = new DateTimeOffset(2025, 3, 31, 23, 59, 50, QfPayTime.Offset);

        Assert.That(QfPayTime.MonthWindows(created, created, TimeSpan.FromHours(1)).Select(w => w.StartText),
            Is.EqualTo(new[] { "2025-03-01 00:00:00", "2025-04-01 00:00:00" }));
    }

    [Test]
    public void A_creation_just_after_month_start_also_searches_the_previous_month()
    {
        var created = new DateTimeOffset(2025, 1, 1, 0, 0, 5, QfPayTime.Offset);

        Assert.That(QfPayTime.MonthWindows(created, created, TimeSpan.FromHours(1)).Select(w => w.ToString()),
            Is.EqualTo(new[] { "2024-12-01 00:00:00 .. 2024-12-31 23:59:59", "2025-01-01 00:00:00 .. 2025-01-31 23:59:59" }));
    }

    [Test]
    public void Month_boundaries_are_taken_in_hong_kong_not_in_utc()
    {
        // 31 March 17:00 UTC is already 1 April 01:00 in Hong Kong.
        var created = new DateTimeOffset(2025, 3, 31, 17, 0, 0, TimeSpan.Zero);

        Assert.That(QfPayTime.MonthWindows(created, created, TimeSpan.Zero).Single().StartText, Is.EqualTo("2025-04-01 00:00:00"));
    }

    [Test]
    public void February_of_a_leap_year_ends_on_the_29th()
    {
        Assert.That(QfPayTime.MonthOf(new DateTimeOffset(2024, 2, 10, 0, 0, 0, QfPayTime.Offset)).EndText, Is.EqualTo("2024-02-29 23:59:59"));
    }
}
