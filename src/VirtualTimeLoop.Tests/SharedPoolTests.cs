namespace VirtualTimeLoop.Tests;

/// <summary>
/// A Task.Run in the code under test: the loop waits for the program's own shared-pool work before it
/// moves time, so work that only awaits virtual timers runs deterministically, at its exact times.
/// </summary>
public class SharedPoolTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Test]
    public void A_Task_Run_that_awaits_a_virtual_delay_runs_at_its_virtual_times()
    {
        for (var i = 0; i < 20; i++)
        {
            var run = VirtualLoop.Run(async io =>
            {
                var background = Task.Run(async () =>
                {
                    await Task.Delay(OneSecond, io.Time);
                    return io.Time.GetUtcNow() - DateTimeOffset.UnixEpoch;
                });
                await Task.Delay(2 * OneSecond, io.Time);
                io.Out.WriteLine($"background woke at {(await background).TotalSeconds} s");
            }, Budgets.Short);
            Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
            Assert.That(run.Output, Is.EqualTo("background woke at 1 s\n"));
            Assert.That(run.Elapsed, Is.EqualTo(2 * OneSecond));
        }
    }

    [Test]
    public void A_Task_Run_whose_first_part_is_slow_still_arms_its_timer_before_time_moves()
    {
        // Without waiting for the pool thread, the loop would jump to 5 s before the 1 s timer existed.
        var run = VirtualLoop.Run(async io =>
        {
            using var started = new SemaphoreSlim(0);
            var background = Task.Run(async () =>
            {
                await started.WaitAsync(); // released by the loop below; the pool thread gives way until then
                await Task.Delay(OneSecond, io.Time);
                io.Out.WriteLine($"background at {io.Time.Elapsed().TotalSeconds} s");
            });
            started.Release();
            await Task.Delay(5 * OneSecond, io.Time);
            await background;
        }, Budgets.Short);
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(run.Lines.Single().At, Is.EqualTo(OneSecond));
    }

    [Test]
    public void Shared_pool_work_still_running_when_the_program_ends_is_waited_for_and_what_it_prints_is_kept()
    {
        // Work the program left behind on the pool (a ContinueWith on the default scheduler) prints after the main
        // task has ended. Had the run ended with the main task, that line would be there on one machine and lost
        // on another; the run waits for the program's pool work instead, so it is always there.
        for (var i = 0; i < 20; i++)
        {
            var run = VirtualLoop.Run(io =>
            {
                var mainEnds = new SemaphoreSlim(0); // not disposed: the pool thread may still be inside Wait when the program returns
                var leftBehind = Task.Run(() =>
                {
                    mainEnds.Wait(); // released as the main task ends
                    Thread.SpinWait(1000);
                    io.Out.WriteLine("late");
                });
                mainEnds.Release();
                return Task.CompletedTask;
            }, Budgets.Short);
            Assert.That(run.Output, Is.EqualTo("late\n"), $"run {i}: {run.Explain()}");
        }
    }

    [Test]
    public void A_Task_Run_inside_a_Task_Run_that_waits_for_it_completes()
    {
        // The inner task may be run inline by the Wait, leaving the pool without an event.
        var run = VirtualLoop.Run(async io =>
        {
#pragma warning disable VSTHRD002 // blocking on the shared pool, as production code may; the loop must not mistake it for a stall
            var answer = await Task.Run(() => Task.Run(() => 41).Result + 1);
#pragma warning restore VSTHRD002
            await Task.Delay(OneSecond, io.Time);
            io.Out.WriteLine(answer);
        }, Budgets.Short);
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(run.Output, Is.EqualTo("42\n"));
    }

    [Test]
    public void A_continuation_the_runtime_queues_without_the_context_is_over_when_it_has_run()
    {
        // A TaskCompletionSource with RunContinuationsAsynchronously hands Task.WhenAll's promise to the pool
        // as an item of the runtime's own, which carries no ExecutionContext: the loop must still hear it end
        // (it once waited for that pool thread to take another item, and failed the run when none came).
        for (var i = 0; i < 5; i++)
        {
            var run = VirtualLoop.Run(async io =>
            {
                var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var both = Task.WhenAll(first.Task, second.Task);
                await Task.Delay(OneSecond, io.Time);
                first.SetResult(); // the promise runs on the pool and finds one task still pending
                await Task.Delay(OneSecond, io.Time);
                second.SetResult();
                await both;
                io.Out.WriteLine($"both at {io.Time.Elapsed().TotalSeconds} s");
            }, Budgets.Short);
            Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
            Assert.That(run.Output, Is.EqualTo("both at 2 s\n"));
        }
    }

    [Test]
    public void Time_does_not_move_while_a_pool_task_still_runs_its_own_continuations()
    {
        // The pool gives a task's thread its clean context back before the task completes and runs what waits on
        // it: an Unwrap's proxy, a WhenAll's promise, a continuation registered without the context (as here). The
        // continuation gives the loop time to move the clock (it watches for it), then completes what the program
        // awaits. The loop must treat the task as running until all of that is done: the clock still reads 0.
        var run = VirtualLoop.Run(async io =>
        {
            var reading = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
            var work = new Task(() => { });
            using (ExecutionContext.SuppressFlow())
            {
                _ = work.ContinueWith(_ =>
                {
                    SpinWait.SpinUntil(() => io.Time.Elapsed() > TimeSpan.Zero, TimeSpan.FromMilliseconds(300));
                    reading.SetResult(io.Time.Elapsed());
                }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
            work.Start(TaskScheduler.Default);
            try
            {
                io.Out.WriteLine($"continuation read {(await reading.Task.WaitAsync(OneSecond, io.Time)).TotalSeconds} s");
            }
            catch (TimeoutException)
            {
                io.Out.WriteLine("the clock moved on before the continuation ended");
            }
        });
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(run.Output, Is.EqualTo("continuation read 0 s\n"));
    }

    [Test]
    public void Lines_printed_by_two_pool_threads_at_once_are_each_whole()
    {
        // Console.Out writes a WriteLine under one lock; so must the loop's console, or two Task.Runs printing at
        // the same time would leave "start 1start 2" and an empty line, depending on the machine.
        var run = VirtualLoop.Run(async io =>
        {
            using var go = new ManualResetEventSlim();
            Task Printer(string name) => Task.Run(() =>
            {
                go.Wait();
                for (var i = 0; i < 2000; i++) io.Out.WriteLine(name);
            });
            var both = Task.WhenAll(Printer("first"), Printer("second"));
            go.Set();
            await both;
        });
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(run.Lines.Select(l => l.Text).Distinct().Order(), Is.EqualTo(new[] { "first", "second" }));
    }

    [Test]
    public void Shared_pool_work_of_another_run_does_not_hold_this_run_back()
    {
        using var gate = new ManualResetEventSlim();
        try
        {
            var stalled = VirtualLoop.RunAsync("stalled", async _ => await Task.Run(() => gate.Wait()), // the mistake under test
                Budgets.Short with { SharedPoolBudget = TimeSpan.FromSeconds(30) });
            var correct = VirtualLoop.Run("correct", io => Task.Delay(OneSecond, io.Time), Budgets.Short with { SharedPoolBudget = TimeSpan.FromMilliseconds(50) });
            Assert.That(correct.Outcome, Is.EqualTo(LoopOutcome.Completed), correct.Explain);
            Assert.That(stalled.IsCompleted, Is.False, "the stalled run waits for its own work");
        }
        finally
        {
            gate.Set();
        }
    }
}

internal static class ClockReading
{
    public static TimeSpan Elapsed(this TimeProvider time) => time.GetUtcNow() - DateTimeOffset.UnixEpoch;
}
