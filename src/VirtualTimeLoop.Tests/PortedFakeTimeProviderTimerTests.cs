namespace VirtualTimeLoop.Tests;

/// <summary>
/// Cases ported from dotnet/extensions test/Libraries/Microsoft.Extensions.TimeProvider.Testing.Tests/TimerTests.cs,
/// run on the loop: where the original calls Advance, the program sleeps on the clock.
/// </summary>
public class PortedFakeTimeProviderTimerTests
{
    // TimerTests.TimerNonPeriodicPeriodZero and TimerNonPeriodicPeriodInfinite
    [TestCase(0)]
    [TestCase(-1)]
    public void A_period_of_zero_or_infinite_fires_once(int periodMs)
    {
        OnTheLoop.Run(async io =>
        {
            var counter = 0;
            using var timer = io.Time.CreateTimer(_ => counter++, null, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(periodMs));
            var value1 = counter;
            await io.Ms(20);
            var value2 = counter;
            await io.Ms(1000);
            Assert.That((value1, value2, counter), Is.EqualTo((0, 1, 1)));
        });
    }

    // TimerTests.TimerStartsImmediately. Divergence kept on purpose: FakeTimeProvider runs a due-0
    // callback inside CreateTimer; System.Threading.Timer and the loop run it at the same instant, but
    // afterwards (the loop: once the work already ready has run).
    [Test]
    public void A_due_time_of_zero_fires_at_the_current_instant()
    {
        OnTheLoop.Run(async io =>
        {
            var firedAt = new List<TimeSpan>();
            using var timer = io.Time.CreateTimer(_ => firedAt.Add(io.Time.Elapsed), null, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
            await io.Ms(100);
            await io.Ms(100);
            Assert.That(firedAt, Is.EqualTo(new[] { TimeSpan.Zero }));
        });
    }

    // TimerTests.NoDueTime_TimerDoesntStart
    [Test]
    public void An_infinite_due_time_never_starts()
    {
        OnTheLoop.Run(async io =>
        {
            var counter = 0;
            using var timer = io.Time.CreateTimer(_ => counter++, null, Timeout.InfiniteTimeSpan, TimeSpan.FromMilliseconds(10));
            await io.Ms(1);
            await io.Ms(50);
            Assert.That(counter, Is.Zero);
        });
    }

    // TimerTests.TimerTriggersPeriodically
    [Test]
    public void A_periodic_timer_triggers_every_period()
    {
        OnTheLoop.Run(async io =>
        {
            var counter = 0;
            var timer = io.Time.CreateTimer(_ => counter++, null, TimeSpan.Zero, TimeSpan.FromMilliseconds(10));
            var values = new List<int>();
            foreach (var step in new[] { 1, 10, 10 }) { await io.Ms(step); values.Add(counter); }
            timer.Dispose();
            Assert.That(values, Is.EqualTo(new[] { 1, 2, 3 }));
        });
    }

    // TimerTests.TimerChangeDueTimeOutOfRangeThrows and TimerChangePeriodOutOfRangeThrows: the loop used
    // to accept these (and fire -2 ms timers in the past).
    [Test]
    public void Change_with_an_out_of_range_due_time_or_period_throws()
    {
        OnTheLoop.Run(io =>
        {
            using var t = io.Time.CreateTimer(_ => { }, null, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));
            foreach (var (due, period, name) in new[]
            {
                (-2.0, 1.0, "dueTime"), (-2.0, 1000.0, "dueTime"), (0xFFFFFFFFL, 1.0, "dueTime"), (0xFFFFFFFFL, 1000.0, "dueTime"),
                (1.0, -2.0, "period"), (1000.0, -2.0, "period"), (1.0, 0xFFFFFFFFL, "period"), (1000.0, 0xFFFFFFFFL, "period"),
            })
            {
                Assert.Throws(Is.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(name),
                    () => t.Change(TimeSpan.FromMilliseconds(due), TimeSpan.FromMilliseconds(period)));
            }
            t.Dispose();
            return Task.CompletedTask;
        });
    }

    // TimerTests.Timer_Change_AfterDispose_Test and Timer_Change_AfterDisposeAsync_Test
    [TestCase(false)]
    [TestCase(true)]
    public void Change_after_dispose_returns_false(bool disposeAsync)
    {
        OnTheLoop.Run(async io =>
        {
            var t = io.Time.CreateTimer(_ => { }, null, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));
            Assert.That(t.Change(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)), Is.True);
            if (disposeAsync) await t.DisposeAsync(); else t.Dispose();
            Assert.That(t.Change(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1)), Is.False);
        });
    }

    // TimerTests.WaiterRemovedAfterDispose
    [Test]
    public void A_disposed_timer_leaves_the_clock()
    {
        OnTheLoop.Run(async io =>
        {
            int c1 = 0, c2 = 0;
            var start = io.Time.ArmedTimerCount;
            var timer1 = io.Time.CreateTimer(_ => c1++, null, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));
            var timer2 = io.Time.CreateTimer(_ => c2++, null, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(1));
            var during = io.Time.ArmedTimerCount;
            await io.Ms(1);
            timer1.Dispose();
            await io.Ms(1);
            var after = io.Time.ArmedTimerCount;
            timer2.Dispose();
            Assert.That((start, during, c1, c2, after), Is.EqualTo((0, 2, 1, 2, 1)));
        });
    }

    // TimerTests.UtcNowUpdatedBeforeTimerCallback
    [Test]
    public void The_clock_reads_the_due_time_inside_the_callback()
    {
        OnTheLoop.Run(async io =>
        {
            var seen = new List<DateTimeOffset>();
            var timer = io.Time.CreateTimer(_ => seen.Add(io.Time.GetUtcNow()), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(10));
            await io.Ms(20);
            timer.Dispose();
            Assert.That(seen, Is.EqualTo(new[] { 0, 10, 20 }.Select(ms => io.Time.Start + TimeSpan.FromMilliseconds(ms))));
        });
    }

    // TimerTests.LongPausesTriggerMultipleCallbacks. Divergence kept on purpose: after Advance(30 ms)
    // FakeTimeProvider's three callbacks all read the target time; on the loop each reads its own due time.
    [Test]
    public void A_long_pause_triggers_every_missed_tick_each_at_its_own_time()
    {
        OnTheLoop.Run(async io =>
        {
            var seen = new List<TimeSpan>();
            var timer = io.Time.CreateTimer(_ => seen.Add(io.Time.Elapsed), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(10));
            await io.Ms(30);
            timer.Dispose();
            Assert.That(seen.Select(t => t.TotalMilliseconds), Is.EqualTo(new[] { 0.0, 10, 20, 30 }));
        });
    }

    // TimerTests.MultipleTimersCallbackInvokedInScheduledOrder
    [Test]
    public void Timers_due_together_fire_in_the_order_they_were_scheduled()
    {
        OnTheLoop.Run(async io =>
        {
            var callbacks = new List<(int, double)>();
            ITimer Make(int id, int due, int period) =>
                io.Time.CreateTimer(_ => callbacks.Add((id, io.Time.Elapsed.TotalMilliseconds)), null, TimeSpan.FromMilliseconds(due), TimeSpan.FromMilliseconds(period));
            using var timer1 = Make(1, 3, 3);
            using var timer2 = Make(2, 3, 3);
            using var timer3 = Make(3, 6, 5);
            await io.Ms(11);
            Assert.That(callbacks, Is.EqualTo(new[] { (1, 3.0), (2, 3.0), (3, 6.0), (1, 6.0), (2, 6.0), (1, 9.0), (2, 9.0), (3, 11.0) }));
        });
    }

    // TimerTests.OutOfOrderWakeTimes (seeded; the loop moves in whole milliseconds, so the timers are
    // created at the same instant instead of one tick apart)
    [Test]
    public void Timers_created_out_of_order_wake_in_due_order()
    {
        OnTheLoop.Run(async io =>
        {
            const int maxDueTime = 10, total = 128;
            var random = new Random(1234);
            var triggers = new bool[total];
            var dueTimes = Enumerable.Range(0, total).Select(_ => random.Next(maxDueTime)).ToArray();
            var timers = Enumerable.Range(0, total).Select(i =>
                io.Time.CreateTimer(index => triggers[(int)index!] = true, i, TimeSpan.FromSeconds(dueTimes[i]), TimeSpan.Zero)).ToList();
            await io.Ms(1);
            for (var second = 0; second < maxDueTime + 1; second += 2)
            {
                for (var j = 0; j < total; j++) Assert.That(triggers[j], Is.EqualTo(dueTimes[j] <= second), $"timer {j} at {second} s");
                await Task.Delay(TimeSpan.FromSeconds(2), io.Time);
            }
            timers.ForEach(t => t.Dispose());
        });
    }
}
