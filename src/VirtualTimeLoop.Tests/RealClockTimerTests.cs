namespace VirtualTimeLoop.Tests;

/// <summary>
/// A real-clock timer the program creates is reported as soon as the loop would move virtual time,
/// whether or not virtual timers are pending: mixing the two clocks used to end "Completed" with the
/// virtual side winning every race. Only the program's own timers count (see ParallelRunTests).
/// </summary>
public class RealClockTimerTests
{
    private static void AssertRealClockWait(Func<LoopEnvironment, Task> program)
    {
        var run = VirtualLoop.Run("mixed", program, Budgets.Short);
        Assert.Multiple(() =>
        {
            Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.RealClockWait), run.Explain);
            Assert.That(run.Explain(), Does.Contain("the program armed a real-clock timer of 30.0 s at 0.0 s").And.Contain("Task.Delay(delay, time)"));
            Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.Zero), "virtual time must not move past a real timer");
        });
    }

    [Test]
    public void A_real_delay_racing_a_virtual_one()
    {
        AssertRealClockWait(async io =>
        {
            var real = Task.Delay(TimeSpan.FromSeconds(30)); // allowed: the mistake under test
            await Task.WhenAny(real, Task.Delay(TimeSpan.FromSeconds(5), io.Time));
        });
    }

    [Test]
    public void WaitAsync_without_the_TimeProvider_around_a_virtual_delay()
    {
        AssertRealClockWait(async io =>
        {
            try { await Task.Delay(TimeSpan.FromSeconds(5), io.Time).WaitAsync(TimeSpan.FromSeconds(30)); } // allowed: the mistake under test
            catch (TimeoutException) { io.Out.WriteLine("timed out"); }
        });
    }

    [Test]
    public void A_CancellationTokenSource_without_the_TimeProvider_around_a_virtual_delay()
    {
        AssertRealClockWait(async io =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // allowed: the mistake under test
            await Task.Delay(TimeSpan.FromSeconds(5), io.Time, timeout.Token);
        });
    }

    [Test]
    public void Real_timers_left_by_earlier_code_do_not_count_against_the_program()
    {
        using var leftover = new Timer(_ => { }, null, TimeSpan.FromSeconds(30), Timeout.InfiniteTimeSpan); // allowed: a stranger's timer
        var run = VirtualLoop.Run(async io =>
        {
            leftover.Dispose(); // the count drops below the start: the baseline follows it down
            await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
        }, Budgets.Short);
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
    }

    [Test]
    public void Without_ReportRealTimersAtOnce_the_race_goes_on_and_the_virtual_side_wins()
    {
        var run = VirtualLoop.Run(async io =>
        {
            var real = Task.Delay(TimeSpan.FromSeconds(30)); // allowed: the mistake under test
            var winner = await Task.WhenAny(real, Task.Delay(TimeSpan.FromSeconds(5), io.Time));
            io.Out.WriteLine(winner == real ? "real" : "virtual");
        }, Budgets.Short with { ReportRealTimersAtOnce = false });
        Assert.That(run.Output, Is.EqualTo("virtual\n"), run.Explain);
    }

    [Test]
    public void A_real_timer_alone_is_reported_with_or_without_ReportRealTimersAtOnce()
    {
        var run = VirtualLoop.Run(async _ => await Task.Delay(TimeSpan.FromSeconds(30)), // allowed: the mistake under test
            Budgets.Short with { ReportRealTimersAtOnce = false });
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.RealClockWait), run.Explain);
    }
}
