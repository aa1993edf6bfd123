using AsyncKatas.K06_TimeoutsAndCancellation;

namespace AsyncKatas.Tests.K06_TimeoutsAndCancellation;

[Category("K06")]
public class WaitWithTimeoutTests
{
    private static readonly TimeSpan TwoSeconds = TimeSpan.FromSeconds(2);

    [Test]
    public void DoWork_CancelledDuringItsSleep_EndsCanceled_AndPrintsNothingMore()
    {
        Task<string>? work = null;
        var run = KataLoop.Run(async io =>
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1), io.Time); // cancels at t = 1 s
            work = WaitWithTimeout.DoWorkAsync(3, io.Out, io.Time, cancel.Token);
            await Task.WhenAny(work); // wait for it however it ends
        });
        AssertCompleted(run);

        if (work!.Status == TaskStatus.RanToCompletion && run.Elapsed >= TimeSpan.FromSeconds(3))
        {
            Judge.Fail(new Verdict(KataText.Text("K06.SleptThroughCancel"))
                .Cause(KataText.Text("K06.Cause.TokenNeverReachedTheSleep"))
                .Fix(KataText.Text("K06.Fix.PassTheToken")));
        }
        Judge.That(work.Status == TaskStatus.Canceled, () => WhyNotCanceled("DoWorkAsync(3)", work));
        Judge.Equal(run.Output, "waiting: 3\n", KataText.Text("K06.PrintedAfterCancel"));
        Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(1), KataText.Text("K06.CancelledSleepTime"));
        Judge.Equal(run.TimersLeft, 0, KataText.Text("K06.CancelledTimerLeft"), KataText.Text("K06.Fix.TokenTakesTheTimerOff"));
    }

    [Test]
    public void Timeout2s_TaskTwoFinishesAtTheTie_TaskThreeIsPending()
    {
        var run = KataLoop.Run(io => WaitWithTimeout.RunAsync(io.Out, io.Time, TwoSeconds));
        // Task 2's sleep and the timeout both end at 2 s: asyncio fires the one armed first, task 2's sleep.
        var pending2 = run.Lines.FirstOrDefault(l => l.Text == "pending: MY_COROUTINE_2");
        Judge.That(pending2 is null || pending2.At != TwoSeconds || run.Lines.Any(l => l.Text == "task result: Done after 2s"), () => new Verdict(KataText.Text("K06.PendingAtTheTie"))
            .Printed(run)
            .Cause(KataText.Text("K06.Cause.TimeoutArmedFirst"))
            .Fix(KataText.Text("K06.Fix.ArmTheTimeoutAfterTheTasks")));
        VerifyRun(run, timeline: [0, 0, 0, 2, 2, 2, 2], total: 2);
    }

    [Test]
    public void PendingTask_IsCancelled_AndLeavesNoTimerBehind()
    {
        IReadOnlyList<NamedTask>? tasks = null;
        SleepRecorder? clock = null;
        var run = KataLoop.Run(async io => tasks = await WaitWithTimeout.RunAsync(io.Out, clock = new SleepRecorder(io.Time), TwoSeconds));
        if (run.Outcome == LoopOutcome.LeftoverWork)
        {
            Judge.Fail(new Verdict(KataText.Format("K06.PendingStillAsleep", run.Detail))
                .Fix(KataText.Text("K06.Fix.CancelThePending")));
        }
        AssertCompleted(run);

        Judge.That(run.Elapsed == TwoSeconds, () => TimeoutNotKept(run, clock!.Sleeps, TwoSeconds));
        Judge.Equal(tasks?.Count, 3, KataText.Text("K06.ReturnTheThreeTasks"));
        Judge.Sequence(tasks!.Select(t => t.Name), ["MY_COROUTINE_1", "MY_COROUTINE_2", "MY_COROUTINE_3"], KataText.Text("K06.NamesWrong"));
        Judge.All(() =>
        {
            Judge.Equal(tasks![0].Task.Status, TaskStatus.RanToCompletion, KataText.Text("K06.FirstNotFinished"));
            Judge.Equal(tasks[1].Task.Status, TaskStatus.RanToCompletion,
                KataText.Text("K06.SecondNotFinishedAtTheTie"));
            Judge.That(tasks[2].Task.Status == TaskStatus.Canceled, () => WhyNotCanceled("MY_COROUTINE_3", tasks[2].Task));
            Judge.That(!run.Output.Contains("Done after 3s", StringComparison.Ordinal), () => new Verdict(KataText.Text("K06.CancelledTaskPrinted")).Printed(run));
            Judge.Equal(run.TimersLeft, 0, KataText.Text("K06.TimersLeft"));
        });
    }

    [Test]
    public void TimeoutNotReached_AllThreeFinish_AndTheTimeoutLeavesNoTimer()
    {
        var run = KataLoop.Run(io => WaitWithTimeout.RunAsync(io.Out, io.Time, TimeSpan.FromSeconds(5)));
        if (run.Outcome == LoopOutcome.LeftoverWork)
        {
            Judge.Fail(new Verdict(KataText.Format("K06.LeftWorkBehind", run.Detail))
                .Fix(KataText.Text("K06.Fix.StopTheTimer")));
        }
        VerifyRun(run, timeline: [0, 0, 0, 3, 3, 3, 3], total: 3);
    }

    /// <summary>Why the wait did not end when the limit ran out, from the timers the program started besides the three tasks' sleeps.</summary>
    internal static Verdict TimeoutNotKept(LoopRun run, IReadOnlyList<Sleep> timers, TimeSpan timeout)
    {
        var others = timers.ToList();
        foreach (var seconds in new[] { 1, 2, 3 })
        {
            var own = others.FindIndex(t => t.StartedAt == TimeSpan.Zero && t.Duration == TimeSpan.FromSeconds(seconds));
            if (own >= 0) others.RemoveAt(own);
        }
        var limits = others.Where(t => t.Duration == timeout).ToList();
        var verdict = new Verdict(KataText.Format("K06.TimeoutNotKept", timeout.TotalSeconds, TextDiff.Seconds(run.Elapsed)))
            .Evidence(KataText.Format("K06.Evidence.LimitTimers", timeout.TotalSeconds, SleepRecorder.Starts(limits)));
        return limits.Count switch
        {
            > 1 => verdict.Cause(KataText.Format("K06.Cause.LimitPerTask", limits.Count, timeout.TotalSeconds))
                .Fix(KataText.Text("K06.Fix.OneLimitForAll")),
            0 => verdict.Cause(KataText.Text("K06.Cause.NoLimitTimer"))
                .Fix(KataText.Text("K06.Fix.TimeOnTheInjectedClock")),
            _ when limits[0].StartedAt != TimeSpan.Zero => verdict.Cause(KataText.Format("K06.Cause.LimitStartedLate", TextDiff.Seconds(limits[0].StartedAt)))
                .Fix(KataText.Text("K06.Fix.StartTheLimitWithTheTasks")),
            _ => verdict.Causes(KataText.Text("K06.Cause.WaitedForMore"),
                                KataText.Text("K06.Cause.TookTimeAfter"))
                .Fix(KataText.Text("K06.Fix.WaitUnderOneLimit")),
        };
    }

    private static Verdict WhyNotCanceled(string what, Task<string> task) => task.Status switch
    {
        TaskStatus.RanToCompletion => new Verdict(KataText.Format("K06.CancelledButCompleted", what, task.Result))
            .Cause(KataText.Text("K06.Cause.CancellationSwallowed"))
            .Fix(KataText.Text("K06.Fix.LetItPropagate")),
        TaskStatus.Faulted => new Verdict(KataText.Format("K06.CancelledButFaulted", what, task.Exception!.InnerException?.GetType().Name, task.Exception.InnerException?.Message))
            .Fix(KataText.Text("K06.Fix.SurfaceAsCancellation")),
        _ => new Verdict(KataText.Format("K06.CancelledButStill", what, task.Status))
            .Fix(KataText.Text("K06.Fix.TokenToTheSleep")),
    };
}
