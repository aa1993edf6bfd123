using AsyncKatas.K07_Futures;

namespace AsyncKatas.Tests.K07_Futures;

[Category("K07")]
public class FuturesTests
{
    [Test]
    public void BareFuture_NobodyCompletesIt_TheLoopReportsNeverCompletes()
    {
        var run = KataLoop.Run("K07", _ => Futures.WaitForeverAsync());
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.NeverCompletes), () => run.Outcome == LoopOutcome.Completed
            ? "WaitForeverAsync returned, but nobody ever completes a bare future: awaiting it must wait for ever " +
              "(the loop then runs out of work and reports that the program can never complete)."
            : run.Explain());
        Assert.That(run.Output, Is.Empty, "part 1 prints nothing");
        Assert.That(run.TimersLeft, Is.Zero, "part 1 waits on the future alone, not on a timer");
    }

    [Test]
    public void SetAfter_CompletesTheFutureWith666_AfterTwoSeconds()
    {
        Task? setter = null;
        int? value = null;
        TimeSpan? completedAt = null;
        var run = KataLoop.Run("K07", async io =>
        {
            var future = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            setter = Futures.SetAfterAsync(future, io.Time);
            value = await future.Task;
            completedAt = io.Time.Elapsed;
            await setter;
        });
        if (run.Outcome == LoopOutcome.NeverCompletes)
        {
            Assert.Fail("Nobody completed the future: SetAfterAsync must give it its result (666) after its 2 s sleep.\n" + run.Explain());
        }
        AssertCompleted(run);
        Assert.Multiple(() =>
        {
            Assert.That(value, Is.EqualTo(666), "the future's result");
            Assert.That(completedAt, Is.EqualTo(TimeSpan.FromSeconds(2)), "the future must be completed after the 2 s sleep, not before");
            Assert.That(setter!.IsCompletedSuccessfully, Is.True, "SetAfterAsync's own task must end successfully");
            Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(2)));
        });
    }

    [Test]
    public void Main_AwaitsTheSetterThenTheFuture_Prints666AfterTwoSeconds()
    {
        var run = KataLoop.Run("K07", io => Futures.MainAsync(io.Out, io.Time));
        VerifyRun(run, timeline: [2], total: 2);
    }

    [Test]
    public void CreateFuture_CompletingItDoesNotRunTheWaiterOnTheSpot()
    {
        // The virtual loop itself queues every await (as asyncio does), so on the loop both kinds of
        // TaskCompletionSource look alike. Outside such a loop they do not: a continuation that may run
        // synchronously runs inside SetResult, on the setter's own thread, before SetResult returns.
        // The thread tells, without any timing: inline means the setter's thread.
        var future = Futures.CreateFuture<string>();
        var setterThread = Environment.CurrentManagedThreadId;
        int? waiterThread = null;
        using var waiterRan = new ManualResetEventSlim();
        _ = future.Task.ContinueWith(_ =>
        {
            waiterThread = Environment.CurrentManagedThreadId;
            waiterRan.Set();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        future.SetResult("42");

        Assert.That(waiterRan.Wait(TimeSpan.FromSeconds(10)), Is.True, "the waiter never ran");
        Assert.That(waiterThread, Is.Not.EqualTo(setterThread),
            "The waiter ran inside SetResult, before the code that completed the future could go on. In asyncio, completing a " +
            "future only queues its waiters. Create the TaskCompletionSource with " +
            "TaskCreationOptions.RunContinuationsAsynchronously (a TaskCreationOptions value: the TaskContinuationOptions one " +
            "of the same name would be taken as the 'state' argument and do nothing).");
    }
}
