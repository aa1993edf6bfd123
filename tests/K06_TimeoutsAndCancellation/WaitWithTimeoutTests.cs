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
            Judge.Fail(new Verdict("DoWorkAsync(3) slept its full 3 s although its token was cancelled at 1 s.")
                .Cause("the token never reached the sleep.")
                .Fix("pass it on: Task.Delay(delay, time, cancellationToken)."));
        }
        Judge.That(work.Status == TaskStatus.Canceled, () => WhyNotCanceled("DoWorkAsync(3)", work));
        Judge.Equal(run.Output, "waiting: 3\n", "after its cancellation DoWorkAsync must print nothing more.");
        Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(1), "a cancelled sleep ends at the moment of the cancellation (1 s); the run took another virtual time.");
        Judge.Equal(run.TimersLeft, 0, "the cancelled sleep's timer is still on the clock.", "hand the token to Task.Delay: a cancelled delay takes its timer off the clock.");
    }

    [Test]
    public void Timeout2s_TaskTwoFinishesAtTheTie_TaskThreeIsPending()
    {
        var run = KataLoop.Run(io => WaitWithTimeout.RunAsync(io.Out, io.Time, TwoSeconds));
        // Task 2's sleep and the timeout both end at 2 s: asyncio fires the one armed first, task 2's sleep.
        var pending2 = run.Lines.FirstOrDefault(l => l.Text == "pending: MY_COROUTINE_2");
        Judge.That(pending2 is null || pending2.At != TwoSeconds || run.Lines.Any(l => l.Text == "task result: Done after 2s"), () => new Verdict(
                "MY_COROUTINE_2 was reported pending at 2 s, but its 2 s sleep ends at the same moment as the 2 s timeout, and it was armed first: asyncio counts it done.")
            .Printed(run)
            .Cause("the timeout's timer was armed before the tasks' sleeps (a CancellationTokenSource(timeout, time) or a Task.Delay made before the tasks started), so at the tie it fires first.")
            .Fix("start the three tasks first, then arm the timeout: WaitAsync(timeout, time) on their WhenAll, or the CancellationTokenSource(timeout, time) created after them."));
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
            Judge.Fail(new Verdict($"the program ended while the pending task was still asleep on the clock ({run.Detail}).")
                .Fix("cancel the pending tasks before you return, and make sure the work hands its token to its sleep " +
                     "(Task.Delay(delay, time, cancellationToken)): .NET cannot stop a task from outside."));
        }
        AssertCompleted(run);

        Judge.That(run.Elapsed == TwoSeconds, () => TimeoutNotKept(run, clock!.Sleeps, TwoSeconds));
        Judge.Equal(tasks?.Count, 3, "RunAsync must return the three tasks it started.");
        Judge.Sequence(tasks!.Select(t => t.Name), ["MY_COROUTINE_1", "MY_COROUTINE_2", "MY_COROUTINE_3"], "the tasks' names, in order, are wrong.");
        Judge.All(() =>
        {
            Judge.Equal(tasks![0].Task.Status, TaskStatus.RanToCompletion, "MY_COROUTINE_1 (1 s) did not finish within the 2 s.");
            Judge.Equal(tasks[1].Task.Status, TaskStatus.RanToCompletion,
                "MY_COROUTINE_2 (2 s) did not finish at the 2 s tie: its timer was created before the timeout's, so it fires first (see the README).");
            Judge.That(tasks[2].Task.Status == TaskStatus.Canceled, () => WhyNotCanceled("MY_COROUTINE_3", tasks[2].Task));
            Judge.That(!run.Output.Contains("Done after 3s", StringComparison.Ordinal), () => new Verdict("the cancelled task printed after its cancellation.").Printed(run));
            Judge.Equal(run.TimersLeft, 0, "timers were left on the clock at the end of the run.");
        });
    }

    [Test]
    public void TimeoutNotReached_AllThreeFinish_AndTheTimeoutLeavesNoTimer()
    {
        var run = KataLoop.Run(io => WaitWithTimeout.RunAsync(io.Out, io.Time, TimeSpan.FromSeconds(5)));
        if (run.Outcome == LoopOutcome.LeftoverWork)
        {
            Judge.Fail(new Verdict($"all three tasks were done at 3 s, before the 5 s timeout, but the program left work behind ({run.Detail}).")
                .Fix("when the tasks win, stop whatever was timing them: cancel the timeout's delay or dispose its " +
                     "CancellationTokenSource (WaitAsync(timeout, time) cleans up after itself)."));
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
        var verdict = new Verdict($"the wait did not end when the {timeout.TotalSeconds:0.#} s timeout ran out: the program ended at {TextDiff.Seconds(run.Elapsed)}.")
            .Evidence($"timers of the limit's length ({timeout.TotalSeconds:0.#} s) besides the tasks' own sleeps: started at {SleepRecorder.Starts(limits)}");
        return limits.Count switch
        {
            > 1 => verdict.Cause($"the limit was started {limits.Count} times, once for each task in turn: each wait got {timeout.TotalSeconds:0.#} s of its own, " +
                                 "so together they lasted until the slow task had finished.")
                .Fix("apply one limit to the wait for all three together: Task.WhenAll(the three tasks).WaitAsync(timeout, time)."),
            0 => verdict.Cause("no timer of the limit's length was started on the injected clock.")
                .Fix("time the wait on the injected clock (e.g. WaitAsync(timeout, time), Task.Delay(timeout, time) or new CancellationTokenSource(timeout, time))."),
            _ when limits[0].StartedAt != TimeSpan.Zero => verdict.Cause($"the limit started at {TextDiff.Seconds(limits[0].StartedAt)}, not when the three tasks did.")
                .Fix("start the limit together with the tasks, and wait for all three at once under it."),
            _ => verdict.Causes("the wait did not end when the limit's timer fired (it waited for something else as well),",
                                "something after the wait took time of its own.")
                .Fix("wait for the three tasks under the one limit (Task.WhenAll(...).WaitAsync(timeout, time)), then print and cancel without waiting again."),
        };
    }

    private static Verdict WhyNotCanceled(string what, Task<string> task) => task.Status switch
    {
        TaskStatus.RanToCompletion => new Verdict($"{what} was cancelled but ended RanToCompletion (it returned \"{task.Result}\").")
            .Cause("the cancellation was swallowed: catching OperationCanceledException inside the work and returning normally tells every caller that the work finished.")
            .Fix("let the exception propagate (or rethrow it) so that the task ends Canceled."),
        TaskStatus.Faulted => new Verdict($"{what} was cancelled but ended Faulted with {task.Exception!.InnerException?.GetType().Name}: {task.Exception.InnerException?.Message}")
            .Fix("a cancellation must surface as an OperationCanceledException (Task.Delay throws TaskCanceledException, which is one), " +
                 "so that the task ends Canceled; do not wrap it in another exception."),
        _ => new Verdict($"{what} was cancelled but is still {task.Status}: it must end Canceled.")
            .Fix("hand the token to the work's sleep: Task.Delay(delay, time, cancellationToken)."),
    };
}
