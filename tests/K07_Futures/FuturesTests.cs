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
            ? new Verdict(KataText.Text("K07.WaitForeverReturned"))
                .Evidence(KataText.Format("K07.Evidence.ReturnedAt", TextDiff.Seconds(run.Elapsed)))
                .Fix(KataText.Text("K07.Fix.AwaitACompletionSource"))
            : KataExplanation.OutcomeVerdict(run).Printed(run));
        Judge.That(run.Output.Length == 0, () => new Verdict(KataText.Text("K07.PartOnePrinted")).Printed(run));
        Judge.Equal(run.TimersLeft, 0, KataText.Text("K07.PartOneTimerLeft"));
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
            Judge.Fail(new Verdict(KataText.Text("K07.NobodyCompletedTheFuture"))
                .Evidence(KataText.Format("K07.Evidence.LoopStoppedAt", TextDiff.Seconds(run.Elapsed)))
                .Fix(KataText.Text("K07.Fix.SetTheResultAfterTheSleep")));
        }
        AssertCompleted(run);
        Judge.All(() =>
        {
            Judge.Equal(value, 666, KataText.Text("K07.WrongResult"), KataText.Text("K07.Fix.SetResult"));
            Judge.Equal(completedAt, TimeSpan.FromSeconds(2), KataText.Text("K07.NotCompletedAfterTheSleep"),
                KataText.Text("K07.Fix.SleepThenComplete"));
            Judge.That(setter!.IsCompletedSuccessfully, KataText.Format("K07.SetterDidNotSucceed", setter.Status));
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(2), KataText.Text("K07.OtherTime"));
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

        Judge.That(Volatile.Read(ref ranInside) == 0, () => new Verdict(KataText.Text("K07.WaiterRanInsideSetResult"))
            .Evidence(KataText.Text("K07.Evidence.AsyncioQueuesWaiters"))
            .Fix(KataText.Text("K07.Fix.RunContinuationsAsynchronously")));
    }
}
