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
            // Each place is noted by the catalogue key of its description.
            Note("K14.Where.BeforeFirstAwait");
            await Task.Delay(OneSecond, loop.Time);
            Note("K14.Where.AfterDelay");
            await Task.Yield();
            Note("K14.Where.AfterYield");
            var posted = new TaskCompletionSource();
            loop.Loop.Post(_ => { Note("K14.Where.InPostedCallback"); posted.SetResult(); }, null);
            await posted.Task;
            Note("K14.Where.AfterPostedTask");
            await Task.WhenAll(Task.Delay(OneSecond, loop.Time), Task.Delay(2 * OneSecond, loop.Time));
            Note("K14.Where.AfterWhenAll");
        });
        // Checked before Run's outcome: code that escaped the loop is often why a loop then fails or hangs.
        List<(string Where, int Thread)> elsewhere;
        lock (seen) { elsewhere = seen.Where(s => s.Thread != loop.LoopThreadId).ToList(); }
        var fix = elsewhere.Any(s => s.Where == "K14.Where.InPostedCallback")
            ? KataText.Text("K14.Fix.PostToTheQueue")
            : KataText.Text("K14.Fix.SetTheContext");
        Judge.That(elsewhere.Count == 0, () => new Verdict(KataText.Format("K14.RanOffTheLoop", loop.LoopThreadId))
            .Evidence(KataText.Text("K14.Evidence.WhereItRan"), elsewhere.Select(s => KataText.Format("K14.WhereOnThread", KataText.Text(s.Where), s.Thread)))
            .Fix(fix));
        loop.AssertReturned();
        Judge.That(seen.Count == 6, () => new Verdict(KataText.Text("K14.DidNotReachTheEnd"))
            .Evidence(KataText.Text("K14.Evidence.GotAsFarAs"), seen.Select(s => KataText.Text(s.Where))));
        Judge.Equal(loop.Clock.Elapsed, 3 * OneSecond, KataText.Text("K14.EndsAtThreeSeconds"));
    }

    [Test]
    public void Time_MovesToEachTimer_Exactly()
    {
        // The lines are said here, in the test's UI culture: your loop's thread has its own.
        var (first, second) = (KataText.Format("K14.Printed.After", 1.5), KataText.Format("K14.Printed.After", 1.75));
        var loop = new LoopUnderTest();
        loop.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1500), loop.Time);
            loop.Out.WriteLine(first);
            await Task.Delay(TimeSpan.FromMilliseconds(250), loop.Time);
            loop.Out.WriteLine(second);
        });
        loop.AssertReturned();
        var lines = loop.Out.Lines.Select(l => $"{l.Text} [{Support.TextDiff.Seconds(l.At)}]").ToList();
        Judge.Sequence(lines, [first + " [1.5 s]", second + " [1.75 s]"],
            KataText.Text("K14.LineAtSleepEnd"),
            KataText.Text("K14.Fix.AdvanceByUntilNextTimer"));
        Judge.Equal(loop.Clock.Elapsed, TimeSpan.FromMilliseconds(1750), KataText.Text("K14.ClockStoppedElsewhere"),
            KataText.Text("K14.Fix.AdvanceExactly"));
    }

    [Test]
    public void ExceptionFromMain_AfterAnAwait_ReachesTheCallerOfRun()
    {
        var boom = new FormatException(KataText.Text("K14.Boom.AfterASecond"));
        var loop = new LoopUnderTest();
        loop.Run(async () =>
        {
            await Task.Delay(OneSecond, loop.Time);
            throw boom;
        });
        AssertIsMainsException(loop.AssertThrew(KataText.Text("K14.ShouldRethrow")), boom);
        Judge.Equal(loop.Clock.Elapsed, OneSecond, KataText.Text("K14.ClockDidNotStop"), KataText.Text("K14.Fix.StopWhenComplete"));
    }

    [Test]
    public void ExceptionFromMain_BeforeItsFirstAwait_ReachesTheCallerOfRun()
    {
        var boom = new FormatException(KataText.Text("K14.Boom.AtOnce"));
        var loop = new LoopUnderTest();
        loop.Run(() => throw boom);
        AssertIsMainsException(loop.AssertThrew(KataText.Text("K14.ShouldLetThrough")), boom);
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
        loop.AssertReturned(KataText.Text("K14.StrayPending"));
        Judge.That(mainEnded, KataText.Text("K14.ReturnedBeforeMain"), KataText.Text("K14.Fix.LoopUntilComplete"));
        Judge.Equal(loop.Clock.Elapsed, OneSecond, KataText.Text("K14.ReturnedAtAnotherTime"),
            KataText.Text("K14.Fix.ReturnWithoutWaiting"));
        Judge.That(!stray!.IsCompleted, KataText.Text("K14.StrayCompleted"),
            KataText.Text("K14.Fix.ReturnWithoutRunning"));
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
        loop.AssertReturned(KataText.Text("K14.CompletedAtOnce"));
        Judge.Equal(loop.Out.Text, "done\n", KataText.Text("K14.MainRanOnce"), KataText.Text("K14.Fix.CallMainOnce"));
        Judge.Equal(loop.Clock.Elapsed, TimeSpan.Zero, KataText.Text("K14.NoTimeShouldPass"), KataText.Text("K14.Fix.DoNotAdvance"));
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
        Judge.That(during is not null, KataText.Text("K14.NoContext"),
            KataText.Text("K14.Fix.SetContextThis"));
        Judge.That(ReferenceEquals(after, afterFailure.Loop),
            KataText.Format("K14.ContextNotRestored", after is null ? "null" : after.GetType().Name),
            KataText.Text("K14.Fix.RestoreContext"));
    }

    [Test]
    public void MainThatNeverCompletes_FailsFast()
    {
        var waiting = KataText.Text("K14.Printed.Waiting"); // said here: your loop's thread has a UI culture of its own
        var loop = new LoopUnderTest(horizon: TimeSpan.FromMinutes(1)); // a loop that steps time up to its horizon stays fast too
        loop.Run(async () =>
        {
            loop.Out.WriteLine(waiting);
            await new TaskCompletionSource().Task;
        });
        var thrown = loop.AssertThrew(KataText.Text("K14.NeverCompletes"), whenHung: KataText.Text("K14.NeverCompletes.Hung"));
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
        var thrown = loop.AssertThrew(KataText.Text("K14.SleepsForEver"), whenHung: KataText.Text("K14.SleepsForEver.Hung"));
        AssertIsLoopFailure(thrown);
        Judge.That(loop.Clock.Elapsed <= horizon, KataText.Format("K14.PastTheHorizon", Support.TextDiff.Seconds(loop.Clock.Elapsed)),
            KataText.Text("K14.Fix.CheckBeforeAdvancing"));
        Judge.That(loop.Clock.Elapsed >= horizon, KataText.Format("K14.StoppedBeforeTheHorizon", Support.TextDiff.Seconds(loop.Clock.Elapsed)),
            KataText.Text("K14.Fix.StopOnlyBeyond"));
    }

    [Test]
    public void ASleepThatEndsAtTheHorizon_StillRuns()
    {
        var horizon = TimeSpan.FromMinutes(1);
        var woke = KataText.Text("K14.Printed.Woke"); // said here: your loop's thread has a UI culture of its own
        var loop = new LoopUnderTest(horizon);
        loop.Run(async () =>
        {
            await Task.Delay(horizon, loop.Time);
            loop.Out.WriteLine(woke);
        });
        if (!loop.Hung && loop.Thrown is InvalidOperationException && loop.Clock.ArmedCount > 0)
        {
            Judge.Fail(new Verdict(KataText.Format("K14.ThrewAtTheHorizon", loop.Thrown.Message))
                .Evidence(KataText.Format("K14.VirtualClockAt", Support.TextDiff.Seconds(loop.Clock.Elapsed)))
                .Fix(KataText.Text("K14.Fix.StopOnlyBeyond")));
        }
        loop.AssertReturned(KataText.Text("K14.SleepsUpToTheHorizon"));
        Judge.Equal(loop.Out.Text, woke + "\n", KataText.Text("K14.LineAtTheHorizon"));
        Judge.Equal(loop.Clock.Elapsed, horizon, KataText.Text("K14.EndsAtTheHorizon"));
    }

    private static void AssertIsMainsException(Exception thrown, Exception boom)
    {
        if (thrown is AggregateException aggregate && aggregate.InnerExceptions.Contains(boom))
        {
            Judge.Fail(new Verdict(KataText.Text("K14.Wrapped"))
                .Fix(KataText.Text("K14.Fix.GetResultRethrows")));
        }
        Judge.That(ReferenceEquals(thrown, boom), KataText.Format("K14.NotMainsException", thrown.GetType().Name, thrown.Message, boom.Message),
            KataText.Text("K14.Fix.LetMainsExceptionThrough"));
    }

    private static void AssertIsLoopFailure(Exception thrown)
    {
        Judge.That(thrown is InvalidOperationException, KataText.Format("K14.ShouldThrowInvalidOperation", thrown.GetType().Name, thrown.Message));
        Judge.That(!string.IsNullOrWhiteSpace(thrown.Message) && thrown.Message != new InvalidOperationException().Message,
            KataText.Text("K14.NoMessage"),
            KataText.Text("K14.Fix.SayWhy"));
    }
}
