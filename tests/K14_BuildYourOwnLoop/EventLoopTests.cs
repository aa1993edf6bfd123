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
        VerifyRun(loop.ToLoopRun(), timeline: [0, 0, 1, 1, 2, 2, 3, 3, 4, 4], total: 5);
    }

    [Test]
    public void NamedTasks_OnYourLoop()
    {
        var loop = new LoopUnderTest();
        loop.Run(() => ArticlePrograms.NamedTasksAsync(loop.Out, loop.Time));
        loop.AssertReturned();
        VerifyRun(loop.ToLoopRun(), timeline: [0, 0, 0, 2, 3, 3, 3], total: 3);
    }

    [Test]
    public void Posts_RunInTheOrderTheyWereMade()
    {
        var log = new List<string>();
        var loop = new LoopUnderTest();
        loop.Run(async () =>
        {
            var released = new TaskCompletionSource();
            loop.Loop.Post(_ =>
            {
                log.Add("A");
                loop.Loop.Post(_ => { log.Add("D (posted by A)"); released.SetResult(); }, null);
            }, null);
            loop.Loop.Post(_ => log.Add("B"), null);
            loop.Loop.Post(_ => log.Add("C"), null);
            await Task.Yield(); // main's continuation is posted after C, before D
            log.Add("main after Task.Yield");
            await released.Task;
            log.Add("main after D");
        });
        loop.AssertReturned();
        Assert.That(log, Is.EqualTo(new[] { "A", "B", "C", "main after Task.Yield", "D (posted by A)", "main after D" }),
            "callbacks must run first in, first out: each Post goes to the back of the ready queue, and the loop " +
            "always runs the oldest one (a Queue, not a Stack). What ran: " + string.Join(", ", log));
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
        Assert.That(elsewhere, Is.Empty,
            $"code ran off the loop's thread ({loop.LoopThreadId}): " +
            string.Join("; ", elsewhere.Select(s => $"{s.Where} on thread {s.Thread}")) + ". " + fix);
        loop.AssertReturned();
        Assert.That(seen, Has.Count.EqualTo(6), "the program did not reach its end: " + string.Join(", ", seen.Select(s => s.Where)));
        Assert.That(loop.Clock.Elapsed, Is.EqualTo(3 * OneSecond), "the program sleeps 1 s, then 2 s: it should end at 3.0 s of virtual time.");
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
        Assert.That(lines, Is.EqualTo(new[] { "after 1.5 s [1.5 s]", "after 1.75 s [1.75 s]" }),
            "each line should be printed at the exact moment its sleep ends: when nothing is ready, advance the clock by " +
            "clock.UntilNextTimer, no more and no less.");
        Assert.That(loop.Clock.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(1750)),
            $"main ends at 1.75 s but the clock stopped at {Support.TextDiff.Seconds(loop.Clock.Elapsed)}: " +
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
        Assert.That(loop.Clock.Elapsed, Is.EqualTo(OneSecond), "main failed at 1.0 s: Run should stop there.");
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
        Assert.That(mainEnded, Is.True, "Run returned before main had ended.");
        Assert.That(loop.Clock.Elapsed, Is.EqualTo(OneSecond),
            $"main ended at 1.0 s but Run returned at {Support.TextDiff.Seconds(loop.Clock.Elapsed)}: " +
            "return as soon as main's task is complete, without waiting for timers main never awaited.");
        Assert.That(stray!.IsCompleted, Is.False, "the 10 s sleep main never awaited should still be pending when Run returns.");
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
        Assert.That(loop.Out.Text, Is.EqualTo("done\n"), "main should have run exactly once.");
        Assert.That(loop.Clock.Elapsed, Is.EqualTo(TimeSpan.Zero), "main never sleeps: no virtual time should pass.");
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
        Assert.That(during, Is.Not.Null, "while main runs, the loop should be the thread's SynchronizationContext.");
        Assert.That(after, Is.SameAs(afterFailure.Loop),
            "a Run that failed should put back the SynchronizationContext the thread had before (here: the outer Run's loop): " +
            "restore it in a finally block.");
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
        Assert.That(loop.Clock.Elapsed, Is.LessThanOrEqualTo(horizon),
            $"virtual time reached {Support.TextDiff.Seconds(loop.Clock.Elapsed)}, past the Horizon of 60.0 s: check before you advance.");
    }

    private static void AssertIsMainsException(Exception thrown, Exception boom)
    {
        if (thrown is AggregateException aggregate && aggregate.InnerExceptions.Contains(boom))
        {
            Assert.Fail($"{LoopUnderTest.Header()}: Run wrapped main's exception in an AggregateException. asyncio.run raises main's own " +
                        $"exception; so should Run: task.GetAwaiter().GetResult() rethrows it as it is (task.Wait() and .Result wrap it).\n{LoopUnderTest.HintLine}");
        }
        Assert.That(thrown, Is.SameAs(boom),
            $"Run threw {thrown.GetType().Name}: {thrown.Message}, not main's own FormatException ({boom.Message}).");
    }

    private static void AssertIsLoopFailure(Exception thrown)
    {
        Assert.That(thrown, Is.InstanceOf<InvalidOperationException>(),
            $"Run threw {thrown.GetType().Name}: {thrown.Message}; it should throw InvalidOperationException when main can never complete.");
        Assert.That(thrown.Message, Is.Not.EqualTo(new InvalidOperationException().Message),
            "say in the exception's message why main can never complete.");
    }
}
