using AsyncKatas.K14_BuildYourOwnLoop;

namespace AsyncKatas.Tests.K14_BuildYourOwnLoop;

[Category("K14")]
public class EventLoopTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Test]
    public void TwoWorkers_TakeTurns_OnYourLoop()
    {
        var loop = new LoopUnderTest();
        loop.Run(() => ArticlePrograms.TwoWorkersAsync(loop.Out, loop.Time));
        loop.AssertReturned();
        VerifyRun(loop.ToOutput(), timeline: [0, 0, 1, 1, 2, 2, 3, 3, 4, 4], total: 5);
    }

    [Test]
    public void NamedTasks_OnYourLoop()
    {
        var loop = new LoopUnderTest();
        loop.Run(() => ArticlePrograms.NamedTasksAsync(loop.Out, loop.Time));
        loop.AssertReturned();
        VerifyRun(loop.ToOutput(), timeline: [0, 0, 0, 2, 3, 3, 3], total: 3);
    }

    [Test]
    public void Continuations_RunOnTheLoopThread()
    {
        var seen = new List<(string Where, int Thread)>();
        var loop = new LoopUnderTest();
        loop.Run(async () =>
        {
            void Note(string where)
            {
                lock (seen) seen.Add((where, Environment.CurrentManagedThreadId));
            }
            Note("main, before its first await");
            await Task.Delay(OneSecond, loop.Time);
            Note("after await Task.Delay(1 s, time)");
            await Task.Yield();
            Note("after await Task.Yield()");
            var posted = new TaskCompletionSource();
            loop.Loop.Post(_ => { Note("in a posted callback"); posted.SetResult(); }, null);
            await posted.Task;
            Note("after awaiting a task completed by a posted callback");
            await Task.WhenAll(Task.Delay(OneSecond, loop.Time), Task.Delay(2 * OneSecond, loop.Time));
            Note("after await Task.WhenAll(two delays)");
        });
        // Checked before Run's outcome: code that escaped the loop is often why a loop then fails or hangs.
        List<(string Where, int Thread)> elsewhere;
        lock (seen) { elsewhere = seen.Where(s => s.Thread != loop.LoopThreadId).ToList(); }
        var fix = elsewhere.Any(s => s.Where == "in a posted callback")
            ? "Post handed a callback to another thread: Post must put callbacks in the loop's queue, and Run must run them."
            : "Make the loop the thread's SynchronizationContext while main runs (SynchronizationContext.SetSynchronizationContext), " +
              "so that every await posts its continuation back to the loop.";
        Judge.That(elsewhere.Count == 0, () => new Verdict($"code ran off the loop's thread ({loop.LoopThreadId}).")
            .Evidence("where it ran", elsewhere.Select(s => $"{s.Where} on thread {s.Thread}"))
            .Fix(fix));
        loop.AssertReturned();
        Judge.That(seen.Count == 6, () => new Verdict("the program did not reach its end.").Evidence("it got as far as", seen.Select(s => s.Where)));
        Judge.Equal(loop.Clock.Elapsed, 3 * OneSecond, "the program sleeps 1 s, then 2 s: it should end at 3.0 s of virtual time.");
    }

    [Test]
    public void Time_MovesToEachTimer_Exactly()
    {
        var loop = new LoopUnderTest();
        loop.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1500), loop.Time);
            loop.Out.WriteLine("after 1.5 s");
            await Task.Delay(TimeSpan.FromMilliseconds(250), loop.Time);
            loop.Out.WriteLine("after 1.75 s");
        });
        loop.AssertReturned();
        var lines = loop.Out.Lines.Select(l => $"{l.Text} [{Support.TextDiff.Seconds(l.At)}]").ToList();
        Judge.Sequence(lines, ["after 1.5 s [1.5 s]", "after 1.75 s [1.75 s]"], "each line should be printed at the exact moment its sleep ends.",
            "when nothing is ready, advance the clock by clock.UntilNextTimer, no more and no less.");
        Judge.Equal(loop.Clock.Elapsed, TimeSpan.FromMilliseconds(1750), "main ends at 1.75 s but the clock stopped elsewhere.",
            "advance exactly to the next timer, never past it.");
    }

    [Test]
    public void ExceptionFromMain_AfterAnAwait_ReachesTheCallerOfRun()
    {
        var boom = new FormatException("boom at 1 s");
        var loop = new LoopUnderTest();
        loop.Run(async () =>
        {
            await Task.Delay(OneSecond, loop.Time);
            throw boom;
        });
        AssertIsMainsException(loop.AssertThrew("main threw FormatException after 1 s: Run should rethrow it."), boom);
        Judge.Equal(loop.Clock.Elapsed, OneSecond, "main failed at 1.0 s, but the clock did not stop there.", "stop as soon as main's task is complete, failed or not.");
    }

    [Test]
    public void ExceptionFromMain_BeforeItsFirstAwait_ReachesTheCallerOfRun()
    {
        var boom = new FormatException("boom at once");
        var loop = new LoopUnderTest();
        loop.Run(() => throw boom);
        AssertIsMainsException(loop.AssertThrew("main threw FormatException at once: Run should let it through."), boom);
    }

    [Test]
    public void Run_ReturnsAsSoonAsMainEnds()
    {
        var loop = new LoopUnderTest();
        Task? stray = null;
        var mainEnded = false;
        loop.Run(async () =>
        {
            stray = Task.Delay(10 * OneSecond, loop.Time); // started and never awaited
            await Task.Delay(OneSecond, loop.Time);
            mainEnded = true;
        });
        loop.AssertReturned("main ends at 1.0 s; a 10 s sleep it never awaits is still pending.");
        Judge.That(mainEnded, "Run returned before main had ended.", "loop until main's task is complete.");
        Judge.Equal(loop.Clock.Elapsed, OneSecond, "main ended at 1.0 s but Run returned at another virtual time.",
            "return as soon as main's task is complete, without waiting for timers main never awaited.");
        Judge.That(!stray!.IsCompleted, "the 10 s sleep main never awaited had completed when Run returned.",
            "return as soon as main's task is complete, without running timers main never awaited.");
    }

    [Test]
    public void Run_ReturnsAtOnce_WhenMainNeverWaits()
    {
        var loop = new LoopUnderTest();
        loop.Run(() =>
        {
            loop.Out.WriteLine("done");
            return Task.CompletedTask;
        });
        loop.AssertReturned("main completed before it even returned its task.");
        Judge.Equal(loop.Out.Text, "done\n", "main should have run exactly once.", "call main once, at the start of Run.");
        Judge.Equal(loop.Clock.Elapsed, TimeSpan.Zero, "main never sleeps: no virtual time should pass.", "do not advance the clock when main's task is already complete.");
    }

    [Test]
    public void Run_LeavesTheThreadAsItFoundIt()
    {
        SynchronizationContext? during = null;
        SynchronizationContext? after = null;
        var loop = new LoopUnderTest();
        loop.Run(async () =>
        {
            during = SynchronizationContext.Current;
            await Task.Delay(OneSecond, loop.Time);
        });
        loop.AssertReturned();
        var afterFailure = new LoopUnderTest();
        afterFailure.Run(() =>
        {
            try
            {
                new EventLoop(afterFailure.Clock).Run(() => throw new FormatException("inner")); // a second loop, run inside the first
            }
            catch (FormatException)
            {
                // expected: we look at what Run left behind
            }
            after = SynchronizationContext.Current;
            return Task.CompletedTask;
        });
        afterFailure.AssertReturned();
        Judge.That(during is not null, "while main ran, the thread had no SynchronizationContext.",
            "make the loop the thread's SynchronizationContext while main runs (SynchronizationContext.SetSynchronizationContext(this)).");
        Judge.That(ReferenceEquals(after, afterFailure.Loop),
            $"a Run that failed left the thread's SynchronizationContext as {(after is null ? "null" : after.GetType().Name)}, not the one it had before (the outer Run's loop).",
            "remember SynchronizationContext.Current at the start of Run and restore it in a finally block.");
    }

    [Test]
    public void MainThatNeverCompletes_FailsFast()
    {
        var loop = new LoopUnderTest(horizon: TimeSpan.FromMinutes(1)); // a loop that steps time up to its horizon stays fast too
        loop.Run(async () =>
        {
            loop.Out.WriteLine("waiting for a result nobody will ever set");
            await new TaskCompletionSource().Task;
        });
        var thrown = loop.AssertThrew(
            "main waits for a TaskCompletionSource nobody completes: with nothing ready and no timer armed it can never complete, " +
            "and Run should throw InvalidOperationException.",
            whenHung: "main waits for a TaskCompletionSource nobody completes: nothing is ready and no timer is armed.");
        AssertIsLoopFailure(thrown);
    }

    [Test]
    public void MainThatSleepsForever_StopsAtTheHorizon()
    {
        var horizon = TimeSpan.FromMinutes(1);
        var loop = new LoopUnderTest(horizon);
        loop.Run(async () =>
        {
            while (true)
            {
                await Task.Delay(OneSecond, loop.Time);
            }
        });
        var thrown = loop.AssertThrew(
            "main sleeps one second at a time for ever: Run should throw InvalidOperationException before virtual time passes the Horizon (1 min here).",
            whenHung: "main sleeps one second at a time for ever: stop before virtual time would pass the Horizon (1 min here).");
        AssertIsLoopFailure(thrown);
        Judge.That(loop.Clock.Elapsed <= horizon, $"virtual time reached {Support.TextDiff.Seconds(loop.Clock.Elapsed)}, past the Horizon of 60.0 s.",
            "check before you advance: stop when the next timer is beyond the Horizon.");
        Judge.That(loop.Clock.Elapsed >= horizon, $"the loop stopped at {Support.TextDiff.Seconds(loop.Clock.Elapsed)}, one timer or more before the Horizon of 60.0 s: " +
                                                  "the sleep that ends at 60.0 s is within the Horizon and must still run.",
            "stop only when the next timer would take virtual time past the Horizon (beyond it, not at it).");
    }

    [Test]
    public void ASleepThatEndsAtTheHorizon_StillRuns()
    {
        var horizon = TimeSpan.FromMinutes(1);
        var loop = new LoopUnderTest(horizon);
        loop.Run(async () =>
        {
            await Task.Delay(horizon, loop.Time);
            loop.Out.WriteLine("woke at the horizon");
        });
        if (!loop.Hung && loop.Thrown is InvalidOperationException && loop.Clock.ArmedCount > 0)
        {
            Judge.Fail(new Verdict($"Run threw InvalidOperationException ({loop.Thrown.Message}) with main's sleep still armed, " +
                                   "but that sleep ends exactly at the Horizon (1 min): it is not too long.")
                .Evidence($"(virtual clock at {Support.TextDiff.Seconds(loop.Clock.Elapsed)})")
                .Fix("stop only when the next timer would take virtual time past the Horizon (beyond it, not at it)."));
        }
        loop.AssertReturned("main sleeps exactly up to the Horizon (1 min) and then ends: that is not too long.");
        Judge.Equal(loop.Out.Text, "woke at the horizon\n", "main's sleep ends exactly at the Horizon, so its line must be printed.");
        Judge.Equal(loop.Clock.Elapsed, horizon, "main ends at the Horizon (60.0 s), but the clock stopped elsewhere.");
    }

    private static void AssertIsMainsException(Exception thrown, Exception boom)
    {
        if (thrown is AggregateException aggregate && aggregate.InnerExceptions.Contains(boom))
        {
            Judge.Fail(new Verdict("Run wrapped main's exception in an AggregateException; asyncio.run raises main's own exception, and so should Run.")
                .Fix("task.GetAwaiter().GetResult() rethrows it as it is (task.Wait() and .Result wrap it)."));
        }
        Judge.That(ReferenceEquals(thrown, boom), $"Run threw {thrown.GetType().Name}: {thrown.Message}, not main's own FormatException ({boom.Message}).",
            "let main's exception through as it is: task.GetAwaiter().GetResult() once the task is complete.");
    }

    private static void AssertIsLoopFailure(Exception thrown)
    {
        Judge.That(thrown is InvalidOperationException, $"Run threw {thrown.GetType().Name}: {thrown.Message}; it should throw InvalidOperationException when main can never complete.");
        Judge.That(!string.IsNullOrWhiteSpace(thrown.Message) && thrown.Message != new InvalidOperationException().Message,
            "Run threw InvalidOperationException without a message of its own.",
            "say in the exception's message why main can never complete.");
    }
}
