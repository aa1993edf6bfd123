using VirtualTimeLoop.FakeTime;

namespace VirtualTimeLoop.FakeTime.Tests;

/// <summary>Code written for FakeTimeProvider runs on the loop's clock: time advances by itself, to each timer's exact due time.</summary>
public class FakeTimeInsideTests
{
    private static readonly LoopOptions Quick = new() { IdleSettle = TimeSpan.FromMilliseconds(50), WaitBudget = TimeSpan.FromMilliseconds(200) };

    /// <summary>Code under test written against FakeTimeProvider (a fixture's type), with no Advance anywhere.</summary>
    private sealed class Session(FakeTimeProvider time)
    {
        private readonly DateTimeOffset _started = time.GetUtcNow();

        public async Task<TimeSpan> RefreshTwiceAsync()
        {
            await Task.Delay(TimeSpan.FromMinutes(5), time);
            await Task.Delay(TimeSpan.FromMinutes(5), time);
            return time.GetUtcNow() - _started;
        }
    }

    [Test]
    public void Delays_on_the_FakeTimeProvider_complete_at_their_exact_virtual_times_without_Advance()
    {
        TimeSpan? took = null;
        var run = VirtualLoop.Run(async io =>
        {
            took = await new Session(io.FakeTime()).RefreshTwiceAsync();
            io.Out.WriteLine($"done at {io.FakeTime().GetUtcNow():HH:mm:ss}");
        }, Quick);

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(took, Is.EqualTo(TimeSpan.FromMinutes(10)));
        Assert.That(run.Output, Is.EqualTo("done at 00:10:00\n"));
        Assert.That(run.Lines.Single().At, Is.EqualTo(TimeSpan.FromMinutes(10)));
    }

    [Test]
    public void One_FakeTimeProvider_per_run_sharing_the_loops_clock()
    {
        var run = VirtualLoop.Run(async io =>
        {
            var fake = io.FakeTime();
            Assert.That(io.FakeTime(), Is.SameAs(fake));
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3), fake);
            using var periodic = new PeriodicTimer(TimeSpan.FromSeconds(1), fake);
            var ticks = 0;
            try
            {
                while (await periodic.WaitForNextTickAsync(cts.Token)) ticks++;
            }
            catch (OperationCanceledException)
            {
                // The token's timer (armed first) fires at 3 s before the third tick, armed later at the same instant.
            }
            Assert.That(ticks, Is.EqualTo(2));
            Assert.That(io.Time.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(3)));
            Assert.That(fake.GetTimestamp(), Is.EqualTo(io.Time.GetTimestamp()));
            var slow = Task.Delay(TimeSpan.FromMinutes(1), io.Time);
            await Assert.ThatAsync(() => slow.WaitAsync(TimeSpan.FromSeconds(30), fake), Throws.TypeOf<TimeoutException>());
            await slow;
        }, Quick);

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(63)));
    }

    [Test]
    public void Advance_inside_a_run_is_refused_at_the_next_use_of_the_clock()
    {
        var run = VirtualLoop.Run(async io =>
        {
            var fake = io.FakeTime();
            fake.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(TimeSpan.FromSeconds(1), fake);
        }, Quick);

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.ProgramFailed), run.Explain);
        Assert.That(run.Exception, Is.TypeOf<InvalidOperationException>());
        Assert.That(run.Exception!.Message, Does.Contain("moved by hand (5000 ms: Advance, SetUtcNow or AdjustTime)").And.Contain("jumps to the next timer"));
        Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Auto_advance_and_a_local_time_zone_set_by_hand_are_refused_too()
    {
        var auto = VirtualLoop.Run(io =>
        {
            var fake = io.FakeTime();
            fake.AutoAdvanceAmount = TimeSpan.FromSeconds(1);
            _ = fake.GetUtcNow();
            return Task.CompletedTask;
        }, Quick);
        var zone = VirtualLoop.Run(io =>
        {
            var fake = io.FakeTime();
            fake.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("Plus2", TimeSpan.FromHours(2), "Plus2", "Plus2"));
            _ = fake.GetLocalNow();
            return Task.CompletedTask;
        }, Quick);

        Assert.That(auto.Exception?.Message, Does.Contain("AutoAdvanceAmount was set"), auto.Explain);
        Assert.That(zone.Exception?.Message, Does.Contain("SetLocalTimeZone was called").And.Contain("LoopOptions.LocalTimeZone"), zone.Explain);
    }

    [Test]
    public void The_start_time_and_local_time_zone_come_from_the_runs_options()
    {
        var start = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero); // FakeTimeProvider's own default start
        var zone = TimeZoneInfo.CreateCustomTimeZone("Plus2", TimeSpan.FromHours(2), "Plus2", "Plus2");
        DateTimeOffset? local = null;
        var run = VirtualLoop.Run(async io =>
        {
            await Task.Delay(TimeSpan.FromHours(1), io.FakeTime());
            local = io.FakeTime().GetLocalNow();
        }, Quick with { StartTime = start, LocalTimeZone = zone });

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(local, Is.EqualTo(new DateTimeOffset(2000, 1, 1, 3, 0, 0, TimeSpan.FromHours(2))));
        Assert.That(local!.Value.Offset, Is.EqualTo(TimeSpan.FromHours(2)));
    }

    [Test]
    public void A_second_FakeTimeProvider_nobody_advances_is_named()
    {
        var run = VirtualLoop.Run(async io =>
        {
            var other = new FakeTimeProvider(); // the mistake: a clock of its own, not the run's
            await Task.Delay(TimeSpan.FromSeconds(1), io.FakeTime());
            await Task.Delay(TimeSpan.FromSeconds(1), other);
        }, Quick);

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.OtherClockWait), run.Explain);
        Assert.That((run.Evidence as OtherClockTimer)?.ClockType, Is.EqualTo("Microsoft.Extensions.Time.Testing.FakeTimeProvider"));
        Assert.That(run.Explanation.Fix, Is.EqualTo(LoopFix.UseTheRunsClock));
        Assert.That(LoopText.Fix(LoopFix.UseTheRunsClock), Does.Contain("env.FakeTime()"));
    }

    [Test]
    public void The_same_program_gives_the_same_run_every_time()
    {
        static LoopRun Once() => VirtualLoop.Run(async io =>
        {
            var fake = io.FakeTime();
            async Task Worker(string name, int ms)
            {
                for (var i = 0; i < 3; i++)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(ms), fake);
                    io.Out.WriteLine($"{name} {i} at {fake.GetUtcNow():ss.fff}");
                }
            }
            await Task.WhenAll(Worker("a", 300), Worker("b", 200), Worker("c", 300));
        }, Quick);

        var first = Once();
        Assert.That(first.Outcome, Is.EqualTo(LoopOutcome.Completed), first.Explain);
        for (var i = 0; i < 20; i++)
        {
            var again = Once();
            Assert.That(again.Output, Is.EqualTo(first.Output));
            Assert.That(again.Lines.Select(l => l.At), Is.EqualTo(first.Lines.Select(l => l.At)));
        }
    }
}
