using Microsoft.Extensions.Time.Testing;

namespace VirtualTimeLoop.Tests;

/// <summary>The clock's start time and local time zone are options; a wait on another clock is named.</summary>
public class ClockOptionsTests
{
    [Test]
    public void The_clock_starts_at_the_options_start_time_in_the_options_time_zone()
    {
        var start = new DateTimeOffset(2024, 3, 31, 0, 30, 0, TimeSpan.Zero);
        var berlin = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Berlin", out var iana) ? iana : TimeZoneInfo.FindSystemTimeZoneById("W. Europe Standard Time");
        var seen = new List<DateTimeOffset>();
        var run = VirtualLoop.Run(async io =>
        {
            seen.Add(io.Time.GetLocalNow());
            await Task.Delay(TimeSpan.FromHours(1), io.Time); // across the switch to summer time at 01:00 UTC
            seen.Add(io.Time.GetLocalNow());
        }, Budgets.Short with { StartTime = start, LocalTimeZone = berlin });

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(seen.Select(t => t.ToString("HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture)),
            Is.EqualTo(new[] { "01:30 +01:00", "03:30 +02:00" }));
        Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromHours(1)));
    }

    [Test]
    public void By_default_the_clock_starts_at_the_Unix_epoch_in_UTC()
    {
        var run = VirtualLoop.Run(io =>
        {
            Assert.That(io.Time.GetUtcNow(), Is.EqualTo(DateTimeOffset.UnixEpoch));
            Assert.That(io.Time.LocalTimeZone, Is.EqualTo(TimeZoneInfo.Utc));
            return Task.CompletedTask;
        });
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
    }

    [Test]
    public void A_wait_on_a_FakeTimeProvider_nobody_advances_is_named()
    {
        var run = VirtualLoop.Run(async io => await Task.Delay(TimeSpan.FromSeconds(1), new FakeTimeProvider()), Budgets.Short);

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.OtherClockWait), run.Explain);
        Assert.That(run.Explain(), Does.Contain("a timer of Microsoft.Extensions.Time.Testing.FakeTimeProvider, a TimeProvider other than the loop's clock"));
    }

    [Test]
    public void A_wait_on_another_clock_is_found_through_the_awaits_that_lead_to_it()
    {
        var other = new FakeTimeProvider();
        var run = VirtualLoop.Run(async io =>
        {
            var ready = Task.Delay(TimeSpan.FromSeconds(1), io.Time);
            await Task.WhenAll(ready, Nested(other));
        }, Budgets.Short);

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.OtherClockWait), run.Explain);
        Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void A_task_nobody_completes_is_still_reported_as_never_completing()
    {
        var run = VirtualLoop.Run(async io => await new TaskCompletionSource().Task, Budgets.Short);
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.NeverCompletes), run.Explain);
    }

    private static async Task Nested(TimeProvider other)
    {
        await Task.Yield();
        await Task.Delay(TimeSpan.FromSeconds(5), other);
    }
}
