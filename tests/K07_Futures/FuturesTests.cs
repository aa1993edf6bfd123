using AsyncKatas.K07_Futures;

namespace AsyncKatas.Tests.K07_Futures;

[Category("K07")]
public class FuturesTests
{
    [Test]
    public void BareFuture_NobodyCompletesIt_TheLoopReportsNeverCompletes()
    {
        var run = KataLoop.Run(_ => Futures.WaitForeverAsync());
        Judge.That(run.Outcome == LoopOutcome.NeverCompletes, () => run.Outcome == LoopOutcome.Completed
            ? new Verdict("WaitForeverAsync returned, but nobody ever completes a bare future: awaiting it must wait for ever.")
                .Evidence($"it returned at {TextDiff.Seconds(run.Elapsed)} of virtual time")
                .Fix("create a TaskCompletionSource and await its Task; the loop then runs out of work and reports that the program can never complete.")
            : KataExplanation.OutcomeVerdict(run).Printed(run));
        Judge.That(run.Output.Length == 0, () => new Verdict("part 1 prints nothing, but it printed.").Printed(run));
        Judge.Equal(run.TimersLeft, 0, "part 1 waits on the future alone, not on a timer: a timer was left armed.");
    }

    [Test]
    public void SetAfter_CompletesTheFutureWith666_AfterTwoSeconds()
    {
        Task? setter = null;
        int? value = null;
        TimeSpan? completedAt = null;
        OffTheLoop? completedOffTheLoop = null;
        var run = KataLoop.Run(async io =>
        {
            // A future whose waiters may run inside SetResult: a waiter that asks for it runs there, and sees
            // where SetResult was called. The test's own await still resumes on the loop.
            var future = new TaskCompletionSource<int>();
            var loop = SynchronizationContext.Current;
            var loopThread = Environment.CurrentManagedThreadId;
            _ = future.Task.ContinueWith(_ =>
            {
                // The loop's context is known by its type (the library keeps it internal), its thread by its id.
                if (SynchronizationContext.Current?.GetType() != loop?.GetType() || Environment.CurrentManagedThreadId != loopThread)
                {
                    completedOffTheLoop = OffTheLoop.Observe(Environment.CurrentManagedThreadId == loopThread);
                }
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            setter = Futures.SetAfterAsync(future, io.Time);
            value = await future.Task;
            completedAt = io.Time.Elapsed;
            await setter;
        });
        if (run.Outcome == LoopOutcome.NeverCompletes)
        {
            Judge.Fail(new Verdict("nobody completed the future: the program waited for it until the loop ran out of work.")
                .Evidence($"the loop stopped at {TextDiff.Seconds(run.Elapsed)} of virtual time")
                .Fix("SetAfterAsync must give the future its result (future.SetResult(666)) after its 2 s sleep."));
        }
        AssertCompleted(run);
        Judge.All(() =>
        {
            Judge.Equal(value, 666, "the future's result is wrong.", "future.SetResult(666).");
            Judge.Equal(completedAt, TimeSpan.FromSeconds(2), "the future was not completed after the 2 s sleep.",
                "sleep first (await Task.Delay(TimeSpan.FromSeconds(2), time)), then complete the future.");
            Judge.That(setter!.IsCompletedSuccessfully, $"SetAfterAsync's own task ended {setter.Status}, not successfully.");
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(2), "the program took another virtual time than the 2 s sleep.");
            Judge.That(completedOffTheLoop is null, () => completedOffTheLoop!.Verdict());
        });
    }

    [Test]
    public void Main_AwaitsTheSetterThenTheFuture_Prints666AfterTwoSeconds()
    {
        var run = KataLoop.Run(io => Futures.MainAsync(io.Out, io.Time));
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
        var ranInside = 0;
        // Only a waiter that runs inside SetResult, on this thread, marks it; a queued one runs later, elsewhere,
        // and is not waited for: the verdict is known when SetResult returns.
        _ = future.Task.ContinueWith(_ =>
        {
            if (Environment.CurrentManagedThreadId == setterThread) Interlocked.Exchange(ref ranInside, 1);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        future.SetResult("42");

        Judge.That(Volatile.Read(ref ranInside) == 0, () => new Verdict(
                "the waiter ran inside SetResult, on the setter's own thread, before the code that completed the future could go on.")
            .Evidence("in asyncio, completing a future only queues its waiters")
            .Fix("create the TaskCompletionSource with TaskCreationOptions.RunContinuationsAsynchronously (a TaskCreationOptions value: " +
                 "the TaskContinuationOptions one of the same name would be taken as the 'state' argument and do nothing)."));
    }
}
