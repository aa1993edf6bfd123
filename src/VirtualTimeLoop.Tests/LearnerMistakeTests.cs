using System.Diagnostics;

namespace VirtualTimeLoop.Tests;

/// <summary>
/// Every learner mistake the harness turns into a message: each ends (the guards run with short windows,
/// <see cref="Budgets.Short"/>) with an outcome that names it and an explanation that says what to do. The
/// wall time each took is printed, never asserted: it depends on the machine.
/// </summary>
public class LearnerMistakeTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    private static LoopRun RunMistake(Func<LoopEnvironment, Task> program, LoopOutcome expected, params string[] explanationMentions)
    {
        var wall = Stopwatch.StartNew();
        var run = VirtualLoop.Run("mistake", program, Budgets.Short);
        wall.Stop();
        var explanation = run.Explain();
        TestContext.Out.WriteLine($"{expected}: {wall.ElapsedMilliseconds} ms\n{explanation}");
        Assert.Multiple(() =>
        {
            Assert.That(run.Outcome, Is.EqualTo(expected), explanation);
            Assert.That(explanation, Does.StartWith("mistake: "));
            foreach (var mention in explanationMentions) Assert.That(explanation, Does.Contain(mention));
        });
        return run;
    }

    [Test]
    public void Awaiting_something_that_never_completes()
    {
        RunMistake(async io => await new TaskCompletionSource().Task,
            LoopOutcome.NeverCompletes, "can never complete", "TaskCompletionSource");
    }

    [Test]
    public void Result_on_the_loop_thread()
    {
        RunMistake(io =>
        {
#pragma warning disable VSTHRD002 // the mistake under test
            _ = Delay(io).Result;
#pragma warning restore VSTHRD002
            return Task.CompletedTask;
        }, LoopOutcome.LoopBlocked, ".Result", "await");
    }

    [Test]
    public void Wait_on_the_loop_thread_after_an_await()
    {
        RunMistake(async io =>
        {
            await Task.Yield();
#pragma warning disable VSTHRD002 // the mistake under test
            Task.Delay(OneSecond, io.Time).Wait();
#pragma warning restore VSTHRD002
        }, LoopOutcome.LoopBlocked, ".Wait()");
    }

    [Test]
    public void Thread_Sleep_on_the_loop_thread()
    {
        RunMistake(io =>
        {
            Thread.Sleep(TimeSpan.FromSeconds(30)); // allowed: the mistake under test
            return Task.CompletedTask;
        }, LoopOutcome.LoopBlocked, "Thread.Sleep");
    }

    [Test]
    public void Task_Delay_without_the_TimeProvider()
    {
        RunMistake(async io => await Task.Delay(TimeSpan.FromSeconds(30)), // allowed: the mistake under test
            LoopOutcome.RealClockWait, "Task.Delay(delay, time)");
    }

    [Test]
    public void CancellationTokenSource_without_the_TimeProvider()
    {
        RunMistake(async io =>
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)); // allowed: the mistake under test
            await Task.Delay(Timeout.InfiniteTimeSpan, timeout.Token);
        }, LoopOutcome.RealClockWait, "new CancellationTokenSource(delay, time)");
    }

    [Test]
    public void An_endless_loop_of_awaits()
    {
        RunMistake(async io =>
        {
            while (true) await Task.Yield();
        }, LoopOutcome.StepLimit, "endless loop of awaits");
    }

    [Test]
    public void An_endless_loop_with_a_sleep()
    {
        RunMistake(async io =>
        {
            while (true) await Task.Delay(TimeSpan.FromMinutes(1), io.Time);
        }, LoopOutcome.HorizonReached, "end condition");
    }

    [Test]
    public void A_single_sleep_past_the_horizon()
    {
        RunMistake(async io => await Task.Delay(TimeSpan.FromHours(25), io.Time),
            LoopOutcome.SleepPastHorizon, "one timer is due at 90000.0 s, past the horizon of 86400.0 s",
            "a single sleep of 90000.0 s started at 0.0 s", "longer Horizon");
    }

    [Test]
    public void An_async_void_method_that_throws()
    {
        RunMistake(async io =>
        {
            FireAndCrash(io);
            await Task.Delay(TimeSpan.FromSeconds(5), io.Time);
        }, LoopOutcome.AsyncVoidThrew, "async void", "async Task");
    }

    [Test]
    public void A_fire_and_forget_task_still_running_at_the_end()
    {
        var run = RunMistake(io =>
        {
            _ = Delay(io); // never awaited
            return Task.CompletedTask;
        }, LoopOutcome.LeftoverWork, "1 timer(s) still scheduled (due at 1.0 s)", "fire-and-forget");
        Assert.That(run.TimersLeft, Is.EqualTo(1));
    }

    [Test]
    public void Blocking_work_on_Task_Run_instead_of_the_loop_threads()
    {
        RunMistake(async io => await Task.Run(() =>
        {
#pragma warning disable VSTHRD002 // the mistake under test
            Task.Delay(OneSecond, io.Time).Wait();
#pragma warning restore VSTHRD002
        }), LoopOutcome.UnknownThread, "Task.Run", "TaskScheduler");
    }

    [Test]
    public void A_worker_blocked_on_a_semaphore()
    {
        RunMistake(async io =>
        {
            using var gate = new SemaphoreSlim(0);
            await Task.Factory.StartNew(() => gate.Wait(), CancellationToken.None, TaskCreationOptions.None, io.Threads);
        }, LoopOutcome.WorkerBlocked, "SemaphoreSlim.Wait()", "WaitAsync");
    }

    [Test]
    // The shared-pool watch compares process-wide counts with a baseline taken when the run starts; a
    // pool thread of an earlier test that is still unwinding then can hide this run's stuck job (seen
    // under heavy load). A retry gives the pool a fresh baseline; the mistake must be found every time.
    [Retry(3)]
    public void Work_parked_on_the_shared_thread_pool_stops_time_and_is_reported()
    {
        using var gate = new ManualResetEventSlim();
        try
        {
            RunMistake(async io =>
            {
                _ = Task.Run(() => gate.Wait()); // the mistake under test: blocking work on the shared pool
                await Task.Delay(OneSecond, io.Time);
            }, LoopOutcome.SharedPoolStalled, "1 shared thread-pool thread(s) running the program's code", "had not finished");
        }
        finally
        {
            gate.Set();
        }
    }

    [Test]
    public void A_deadlock_while_an_unrelated_periodic_timer_ticks_is_not_an_endless_loop()
    {
        RunMistake(async io =>
        {
            using var heartbeat = new PeriodicTimer(TimeSpan.FromSeconds(10), io.Time);
            _ = Beat(heartbeat);
            await Task.Delay(OneSecond, io.Time);
            await new TaskCompletionSource().Task; // the deadlock: nobody completes it
        }, LoopOutcome.OnlyPeriodicTimers, "from 1.0 s to the horizon of 86400.0 s only periodic timers fired", "main task is still waiting",
            "TaskCompletionSource nobody sets", "while an unrelated PeriodicTimer keeps ticking");

        static async Task Beat(PeriodicTimer timer)
        {
            while (await timer.WaitForNextTickAsync()) { }
        }
    }

    [Test]
    public void A_Task_Run_that_blocks_on_the_virtual_clock_is_named()
    {
        RunMistake(async io =>
        {
#pragma warning disable VSTHRD002 // the mistake under test
            await Task.Run(() => Task.Delay(OneSecond, io.Time).Wait());
#pragma warning restore VSTHRD002
        }, LoopOutcome.UnknownThread, "armed a timer on the virtual clock and has not finished", "Task.Run(() => Task.Delay(d, time).Wait())",
            "await the sleep instead of blocking on it");
    }

    [Test]
    public void A_method_not_implemented_is_a_program_failure_like_any_other()
    {
        // The library has no notion of a stub: a caller that has one (the katas) maps the exception itself.
        RunMistake(_ => throw new NotImplementedException("Print the line."),
            LoopOutcome.ProgramFailed, "NotImplementedException", "Print the line.");
    }

    private static async Task<int> Delay(LoopEnvironment io)
    {
        await Task.Delay(OneSecond, io.Time);
        return 1;
    }

#pragma warning disable VSTHRD100 // the mistake under test
    private static async void FireAndCrash(LoopEnvironment io)
#pragma warning restore VSTHRD100
    {
        await Task.Delay(OneSecond, io.Time);
        throw new InvalidOperationException("boom");
    }
}
