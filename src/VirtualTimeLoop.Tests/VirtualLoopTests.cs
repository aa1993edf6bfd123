using System.Diagnostics;

namespace VirtualTimeLoop.Tests;

/// <summary>The loop's own promises: order, exact times, speed, scale.</summary>
public class VirtualLoopTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Test]
    public void Posted_continuations_run_in_FIFO_order_on_the_loop_thread()
    {
        var threads = new HashSet<int>();
        var run = VirtualLoop.Run(async io =>
        {
            var context = SynchronizationContext.Current!;
            for (var i = 0; i < 5; i++)
            {
                var n = i;
                context.Post(_ => { threads.Add(Environment.CurrentManagedThreadId); io.Out.WriteLine(n); }, null);
            }
            await Task.Yield();
            io.Out.WriteLine("after yield");
        });

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(run.Output, Is.EqualTo("0\n1\n2\n3\n4\nafter yield\n"));
        Assert.That(threads, Has.Count.EqualTo(1));
    }

    [Test]
    public void Each_line_carries_the_exact_due_time_of_the_sleep_before_it()
    {
        var run = VirtualLoop.Run(async io =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1500), io.Time);
            io.Out.WriteLine("a");
            await Task.WhenAll(
                Delayed(io, 500, "b"),   // due at 2.0 s
                Delayed(io, 1500, "c")); // due at 3.0 s
        });

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(run.Lines.Select(l => (l.Text, l.At.TotalMilliseconds)),
            Is.EqualTo(new[] { ("a", 1500.0), ("b", 2000.0), ("c", 3000.0) }));
        Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [Test]
    public void Timers_due_at_the_same_instant_fire_in_creation_order()
    {
        var run = VirtualLoop.Run(io => Task.WhenAll(
            Delayed(io, 1000, "first"),
            Delayed(io, 1000, "second"),
            Delayed(io, 1000, "third")));

        Assert.That(run.Output, Is.EqualTo("first\nsecond\nthird\n"));
    }

    [Test]
    public void Ten_virtual_seconds_take_milliseconds_of_wall_time()
    {
        var cpu = Environment.CpuUsage.TotalTime; // the process's: these tests run one at a time
        var run = VirtualLoop.Run(async io =>
        {
            for (var i = 0; i < 10; i++) await Task.Delay(OneSecond, io.Time);
        });

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(10)));
        Assert.That(Environment.CpuUsage.TotalTime - cpu, Is.LessThan(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void Twenty_thousand_concurrent_sleeps_in_well_under_a_second()
    {
        // bench/ measures 100,000 and 1,000,000 in Release; this guards the shape (an O(n²) timer queue
        // would take many seconds even here) within the suite's budget.
        const int count = 20_000;
        var done = 0;
        var cpu = Environment.CpuUsage.TotalTime; // the process's: these tests run one at a time
        var run = VirtualLoop.Run(io => Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1000 + i % 1000), io.Time);
            done++;
        })));

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(done, Is.EqualTo(count));
        Assert.That(run.TimersFired, Is.EqualTo(count));
        Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(1999)));
        cpu = Environment.CpuUsage.TotalTime - cpu;
        TestContext.Out.WriteLine($"20,000 concurrent virtual sleeps: {run.WallTime.TotalMilliseconds:0} ms wall, {cpu.TotalMilliseconds:0} ms CPU, {run.Steps} steps");
        // Unloaded this takes well under a second (bench/ measures it). The bound here is CPU time, and
        // generous, so it holds on a loaded machine too; an O(n²) timer queue would take minutes.
        Assert.That(cpu, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void A_periodic_timer_ticks_at_its_own_due_times()
    {
        var run = VirtualLoop.Run(async io =>
        {
            using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(700), io.Time);
            for (var i = 0; i < 3; i++)
            {
                await timer.WaitForNextTickAsync();
                io.Out.WriteLine("tick");
            }
        });

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(run.Lines.Select(l => l.At.TotalMilliseconds), Is.EqualTo(new[] { 700.0, 1400.0, 2100.0 }));
    }

    [Test]
    public void Cancelling_a_delay_removes_its_timer_from_the_clock()
    {
        var run = VirtualLoop.Run(async io =>
        {
            using var cancel = new CancellationTokenSource();
            var sleeping = Task.Delay(TimeSpan.FromSeconds(5), io.Time, cancel.Token);
            await Task.Delay(OneSecond, io.Time);
            await cancel.CancelAsync();
            try { await sleeping; } catch (OperationCanceledException) { io.Out.WriteLine("cancelled"); }
        });

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(run.TimersLeft, Is.Zero);
        Assert.That(run.Elapsed, Is.EqualTo(OneSecond));
    }

    [Test]
    public void A_timeout_through_the_TimeProvider_is_virtual()
    {
        var run = VirtualLoop.Run(async io =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2), io.Time);
            try { await Task.Delay(TimeSpan.FromSeconds(3), io.Time, timeout.Token); }
            catch (OperationCanceledException) { io.Out.WriteLine("timed out"); }
        });

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(run.Lines.Single().At, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void Blocking_jobs_on_the_loop_threads_wake_in_timer_order_every_time()
    {
        var outputs = new HashSet<string>();
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var run = VirtualLoop.Run(async io =>
            {
                var pair = new ConcurrentExclusiveSchedulerPair(io.Threads, maxConcurrencyLevel: 2);
                var jobs = Enumerable.Range(0, 4).Select(i => Task.Factory.StartNew(() =>
                {
                    BlockingSleep(io.Time, OneSecond);
                    io.Out.WriteLine(i);
                }, CancellationToken.None, TaskCreationOptions.None, pair.ConcurrentScheduler)).ToArray();
                await Task.WhenAll(jobs);
            });
            Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
            Assert.That(run.Lines.Select(l => l.At.TotalSeconds), Is.EqualTo(new[] { 1.0, 1.0, 2.0, 2.0 }));
            outputs.Add(run.Output);
        }
        Assert.That(outputs, Is.EqualTo(new[] { "0\n1\n2\n3\n" }));
    }

    [Test]
    public void A_dedicated_thread_is_tracked_too()
    {
        var run = VirtualLoop.Run(async io =>
        {
            var result = await Task.Factory.StartNew(() =>
            {
                BlockingSleep(io.Time, TimeSpan.FromSeconds(2));
                return Thread.CurrentThread.Name;
            }, CancellationToken.None, TaskCreationOptions.LongRunning, io.Threads);
            io.Out.WriteLine(result);
        });

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(run.Output, Does.StartWith("virtual-loop dedicated thread"));
        Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(2)));
    }

    [Test]
    public void The_same_program_gives_the_same_run_every_time()
    {
        static Task Program(LoopEnvironment io) => Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(i % 7 * 100), io.Time);
            io.Out.WriteLine(i);
            await Task.Factory.StartNew(() => BlockingSleep(io.Time, TimeSpan.FromMilliseconds(i % 3 * 100)),
                CancellationToken.None, TaskCreationOptions.None, io.Threads);
            io.Out.WriteLine(-i);
        }));

        var first = VirtualLoop.Run(Program);
        Assert.That(first.Outcome, Is.EqualTo(LoopOutcome.Completed), first.Explain);
        for (var i = 0; i < 10; i++)
        {
            var again = VirtualLoop.Run(Program);
            Assert.That(again.Outcome, Is.EqualTo(LoopOutcome.Completed), again.Explain);
            Assert.That(again.Output, Is.EqualTo(first.Output));
            Assert.That(again.Lines.Select(l => l.At), Is.EqualTo(first.Lines.Select(l => l.At)));
        }
    }

    private static async Task Delayed(LoopEnvironment io, int milliseconds, string text)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(milliseconds), io.Time);
        io.Out.WriteLine(text);
    }

    /// <summary>A worker thread's blocking sleep on the virtual clock.</summary>
    internal static void BlockingSleep(TimeProvider time, TimeSpan delay)
    {
#pragma warning disable VSTHRD002 // a worker thread blocks on purpose: this is the blocking sleep
        Task.Delay(delay, time).Wait();
#pragma warning restore VSTHRD002
    }
}
