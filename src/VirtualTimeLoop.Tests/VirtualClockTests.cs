using Microsoft.Extensions.Time.Testing;

namespace VirtualTimeLoop.Tests;

/// <summary>
/// The clock on its own, driven by hand (as FakeTimeProvider's TimerTests drive Advance): ordering,
/// argument checks and whole milliseconds as System.Threading.Timer has them, and the end of a run.
/// </summary>
public class VirtualClockTests
{
    /// <summary>A listener for a clock with no loop: every caller counts as the loop's thread.</summary>
    private sealed class NoLoop : IVirtualClockListener
    {
        public bool IsLoopThread { get; set; } = true;
        public void TimerChanging(VirtualTimer timer) { }
        public void TimerArmed(VirtualTimer timer) { }
        public void TimerDisposed(VirtualTimer timer) { }
    }

    private static VirtualClock NewClock(bool loopThread = true) => new(new NoLoop { IsLoopThread = loopThread });

    /// <summary>What the loop does when nothing else is ready: jump to the next due time and fire everything due then.</summary>
    private static bool FireNext(VirtualClock clock)
    {
        if (!clock.TryPeekNext(out var due, out _)) return false;
        clock.MoveTo(due);
        while (clock.TryTakeDueAt(due) is { } timer) timer.Fire();
        return true;
    }

    private static List<(string Name, double AtMs)> Log(VirtualClock clock, out Action<string> note)
    {
        var log = new List<(string, double)>();
        note = name => log.Add((name, clock.Elapsed.TotalMilliseconds));
        return log;
    }

    [Test]
    public void Timers_fire_by_due_time_then_arming_order_each_at_its_own_time()
    {
        var clock = NewClock();
        var log = Log(clock, out var note);
        clock.CreateTimer(_ => note("c"), null, TimeSpan.FromMilliseconds(30), Timeout.InfiniteTimeSpan);
        clock.CreateTimer(_ => note("a"), null, TimeSpan.FromMilliseconds(10), Timeout.InfiniteTimeSpan);
        clock.CreateTimer(_ => note("b"), null, TimeSpan.FromMilliseconds(10), Timeout.InfiniteTimeSpan);
        while (FireNext(clock)) { }
        Assert.That(log, Is.EqualTo(new[] { ("a", 10.0), ("b", 10.0), ("c", 30.0) }));
    }

    [TestCase(-2.0, "dueTime")]
    [TestCase(4294967295.0, "dueTime")]
    public void Out_of_range_due_times_throw_as_System_Threading_Timer_does(double milliseconds, string parameter)
    {
        var clock = NewClock();
        var bad = TimeSpan.FromMilliseconds(milliseconds);
        Assert.Throws(Is.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(parameter),
            () => clock.CreateTimer(_ => { }, null, bad, Timeout.InfiniteTimeSpan));
        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        Assert.Throws(Is.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(parameter),
            () => timer.Change(bad, Timeout.InfiniteTimeSpan));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new Timer(_ => { }, null, bad, Timeout.InfiniteTimeSpan)); // allowed: the reference behaviour
        Assert.That(clock.ArmedTimerCount, Is.EqualTo(1));
    }

    [TestCase(-2.0)]
    [TestCase(4294967295.0)]
    public void Out_of_range_periods_throw_as_System_Threading_Timer_does(double milliseconds)
    {
        var clock = NewClock();
        Assert.Throws(Is.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("period"),
            () => clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(milliseconds)));
    }

    [Test]
    public void The_largest_due_time_a_real_timer_accepts_is_accepted()
    {
        var clock = NewClock();
        using var timer = clock.CreateTimer(_ => { }, null, TimeSpan.FromMilliseconds(4294967294), Timeout.InfiniteTimeSpan);
        Assert.That(clock.ArmedDueTimes(), Is.EqualTo(new[] { TimeSpan.FromMilliseconds(4294967294) }));
    }

    [Test]
    public void Sub_millisecond_due_times_and_periods_are_truncated_to_whole_milliseconds_as_real_timers_do()
    {
        var clock = NewClock();
        var log = Log(clock, out var note);
        clock.CreateTimer(_ => note("now"), null, TimeSpan.FromMilliseconds(-0.5), Timeout.InfiniteTimeSpan);
        clock.CreateTimer(_ => note("half"), null, TimeSpan.FromMilliseconds(0.5), Timeout.InfiniteTimeSpan);
        using var periodic = clock.CreateTimer(_ => note("tick"), null, TimeSpan.FromMilliseconds(1.5), TimeSpan.FromMilliseconds(1.5));
        clock.CreateTimer(_ => note("once"), null, TimeSpan.FromMilliseconds(2), TimeSpan.FromMilliseconds(0.9)); // a period under 1 ms: fires once
        for (var i = 0; i < 5; i++) FireNext(clock); // at 2 ms "once" (armed at 0) comes before the tick re-armed at 1 ms
        Assert.That(log, Is.EqualTo(new[] { ("now", 0.0), ("half", 0.0), ("tick", 1.0), ("once", 2.0), ("tick", 2.0), ("tick", 3.0), ("tick", 4.0) }));
    }

    [Test]
    public void A_disposed_or_disarmed_timer_never_fires_and_Change_after_Dispose_returns_false()
    {
        var clock = NewClock();
        var fired = 0;
        var disposed = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMilliseconds(5), Timeout.InfiniteTimeSpan);
        using var disarmed = clock.CreateTimer(_ => fired++, null, TimeSpan.FromMilliseconds(5), Timeout.InfiniteTimeSpan);
        disposed.Dispose();
        Assert.That(disarmed.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan), Is.True);
        Assert.That(disposed.Change(TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan), Is.False);
        Assert.That(FireNext(clock), Is.False);
        Assert.That((fired, clock.ArmedTimerCount), Is.EqualTo((0, 0)));
    }

    [Test]
    public void Many_timers_disposed_before_they_fall_due_leave_nothing_behind()
    {
        var clock = NewClock();
        var fired = new List<int>();
        var timers = Enumerable.Range(0, 10_000).Select(i =>
            clock.CreateTimer(_ => fired.Add(i), null, TimeSpan.FromMilliseconds(1 + i), Timeout.InfiniteTimeSpan)).ToList();
        foreach (var timer in timers.Where((_, i) => i % 100 != 0)) timer.Dispose();
        while (FireNext(clock)) { }
        Assert.That(fired, Is.EqualTo(Enumerable.Range(0, 100).Select(i => i * 100)));
        Assert.That(clock.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(9901)));
    }

    [Test]
    public void Time_and_timestamps_agree_as_on_FakeTimeProvider()
    {
        var clock = NewClock();
        var t0 = clock.GetTimestamp();
        clock.CreateTimer(_ => { }, null, TimeSpan.FromMilliseconds(1234), Timeout.InfiniteTimeSpan);
        FireNext(clock);
        Assert.Multiple(() =>
        {
            Assert.That(clock.GetUtcNow(), Is.EqualTo(clock.Start + TimeSpan.FromMilliseconds(1234)));
            Assert.That(clock.GetElapsedTime(t0), Is.EqualTo(TimeSpan.FromMilliseconds(1234)));
            Assert.That(clock.TimestampFrequency, Is.EqualTo(new FakeTimeProvider().TimestampFrequency));
            Assert.That(clock.LocalTimeZone, Is.EqualTo(TimeZoneInfo.Utc));
            Assert.That(clock.ToString(), Is.EqualTo("1970-01-01T00:00:01.234"));
        });
    }

    [Test]
    public void Code_that_gets_the_clock_cannot_move_time_behind_the_loop()
    {
        // FakeTimeProvider's Advance, SetUtcNow, AdjustTime and AutoAdvanceAmount are not virtual: on a
        // subclass they would move time without firing the loop's timers. The clock is not one.
        TimeProvider clock = NewClock();
        Assert.That(clock, Is.Not.InstanceOf<FakeTimeProvider>());
        var moversOfTime = typeof(VirtualClock).GetMembers().Select(m => m.Name)
            .Intersect(["Advance", "SetUtcNow", "AdjustTime", "AutoAdvanceAmount", "SetLocalTimeZone"]);
        Assert.That(moversOfTime, Is.Empty);
    }

    [Test]
    public void A_closed_clock_hands_back_the_timers_others_armed_and_refuses_new_ones()
    {
        var listener = new NoLoop();
        var clock = new VirtualClock(listener);
        using var mine = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        listener.IsLoopThread = false;
        using var theirs = clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);

        var released = clock.Close();

        Assert.That(released, Is.EqualTo(new[] { theirs }));
        Assert.That(clock.ArmedTimerCount, Is.EqualTo(1), "the loop's own timer stays, as a leftover");
        Assert.Throws(Is.TypeOf<InvalidOperationException>().With.Message.Contains("has ended"),
            () => clock.CreateTimer(_ => { }, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan));
        Assert.That(theirs.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan), Is.True, "disarming still works");
    }
}
