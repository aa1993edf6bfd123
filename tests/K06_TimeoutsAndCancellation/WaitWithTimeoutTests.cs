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
        var run = KataLoop.Run("K06", async io =>
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1), io.Time); // cancels at t = 1 s
            work = WaitWithTimeout.DoWorkAsync(3, io.Out, io.Time, cancel.Token);
            await Task.WhenAny(work); // wait for it however it ends
        });
        AssertCompleted(run);

        if (work!.Status == TaskStatus.RanToCompletion && run.Elapsed >= TimeSpan.FromSeconds(3))
        {
            Assert.Fail("DoWorkAsync(3) slept its full 3 s although its token was cancelled at 1 s: the token never reached the sleep. " +
                        "Pass it on: Task.Delay(delay, time, cancellationToken).");
        }
        Assert.That(work.Status, Is.EqualTo(TaskStatus.Canceled), () => WhyNotCanceled("DoWorkAsync(3)", work));
        Assert.That(run.Output, Is.EqualTo("waiting: 3\n"), "after its cancellation DoWorkAsync must print nothing more");
        Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(1)), "a cancelled sleep ends at the moment of the cancellation");
        Assert.That(run.TimersLeft, Is.Zero, "the cancelled sleep's timer must be gone from the clock");
    }

    [Test]
    public void Timeout2s_TaskTwoFinishesAtTheTie_TaskThreeIsPending()
    {
        var run = KataLoop.Run("K06", io => WaitWithTimeout.RunAsync(io.Out, io.Time, TwoSeconds));
        VerifyRun(run, timeline: [0, 0, 0, 2, 2, 2, 2], total: 2);
    }

    [Test]
    public void PendingTask_IsCancelled_AndLeavesNoTimerBehind()
    {
        IReadOnlyList<NamedTask>? tasks = null;
        var run = KataLoop.Run("K06", async io => tasks = await WaitWithTimeout.RunAsync(io.Out, io.Time, TwoSeconds));
        if (run.Outcome == LoopOutcome.LeftoverWork)
        {
            Assert.Fail($"The program ended while the pending task was still asleep on the clock ({run.Detail}). " +
                        "Cancel the pending tasks before you return, and make sure the work hands its token to its sleep " +
                        "(Task.Delay(delay, time, cancellationToken)): .NET cannot stop a task from outside.\n" + run.Explain());
        }
        AssertCompleted(run);

        Assert.That(run.Elapsed, Is.EqualTo(TwoSeconds),
            "the wait must end when the 2 s timeout runs out, on the injected clock " +
            "(e.g. WaitAsync(timeout, time), Task.Delay(timeout, time) or new CancellationTokenSource(timeout, time))");
        Assert.That(tasks, Is.Not.Null.And.Count.EqualTo(3), "MainAsync must return the three tasks it started");
        Assert.That(tasks!.Select(t => t.Name), Is.EqualTo(new[] { "MY_COROUTINE_1", "MY_COROUTINE_2", "MY_COROUTINE_3" }));
        Assert.Multiple(() =>
        {
            Assert.That(tasks![0].Task.Status, Is.EqualTo(TaskStatus.RanToCompletion), "MY_COROUTINE_1 (1 s) finishes within the 2 s");
            Assert.That(tasks[1].Task.Status, Is.EqualTo(TaskStatus.RanToCompletion),
                "MY_COROUTINE_2 (2 s) finishes at the 2 s tie: its timer was created before the timeout's (see the README)");
            Assert.That(tasks[2].Task.Status, Is.EqualTo(TaskStatus.Canceled), () => WhyNotCanceled("MY_COROUTINE_3", tasks[2].Task));
            Assert.That(run.Output, Does.Not.Contain("Done after 3s"), "the cancelled task must print nothing more");
            Assert.That(run.TimersLeft, Is.Zero, "no timer may be left on the clock");
        });
    }

    [Test]
    public void TimeoutNotReached_AllThreeFinish_AndTheTimeoutLeavesNoTimer()
    {
        var run = KataLoop.Run("K06", io => WaitWithTimeout.RunAsync(io.Out, io.Time, TimeSpan.FromSeconds(5)));
        if (run.Outcome == LoopOutcome.LeftoverWork)
        {
            Assert.Fail($"All three tasks were done at 3 s, before the 5 s timeout, but the program left work behind ({run.Detail}). " +
                        "When the tasks win, stop whatever was timing them: cancel the timeout's delay or dispose its " +
                        "CancellationTokenSource (WaitAsync(timeout, time) cleans up after itself).\n" + run.Explain());
        }
        VerifyRun(run, timeline: [0, 0, 0, 3, 3, 3, 3], total: 3);
    }

    private static string WhyNotCanceled(string what, Task<string> task) => task.Status switch
    {
        TaskStatus.RanToCompletion =>
            $"{what} was cancelled but ended RanToCompletion (it returned \"{task.Result}\"): the cancellation was swallowed. " +
            "Catching OperationCanceledException inside the work and returning normally tells every caller that the work finished. " +
            "Let the exception propagate (or rethrow it) so that the task ends Canceled.",
        TaskStatus.Faulted =>
            $"{what} was cancelled but ended Faulted with {task.Exception!.InnerException?.GetType().Name}: {task.Exception.InnerException?.Message} " +
            "A cancellation must surface as an OperationCanceledException (Task.Delay throws TaskCanceledException, which is one), " +
            "so that the task ends Canceled; do not wrap it in another exception.",
        _ => $"{what} was cancelled but is still {task.Status}: it must end Canceled.",
    };
}
