using AsyncKatas.K09_RunInExecutor;

namespace AsyncKatas.Tests.K09_RunInExecutor;

/// <summary>ToTask(): the bridge from a callback-style future to a Task (Python's asyncio.wrap_future).</summary>
[Category("K09")]
public class FutureBridgeTests
{
    [Test]
    public void ToTask_EndsWithTheResult_AndAwaitingItLeavesTheLoopFree()
    {
        var (run, callbackErrors) = RunBridge(async io =>
        {
            var future = new ConcurrentFuture<int>();
            var worker = CompleteOnAWorker(io, 2, () => future.SetResult(42));
            var ticker = Tick(io);
            // Bridge a little later, once the loop has been idle once: the harness then knows the
            // process's thread pool at rest, and a bridge that parks a pool thread in Result() shows.
            await Task.Delay(TimeSpan.FromSeconds(0.5), io.Time);
            var bridged = future.ToTask();
            io.Out.WriteLine($"result {await bridged}");
            await Task.WhenAll(worker, ticker);
        });

        AssertBridged(run, callbackErrors);
        Judge.Sequence(run.Lines.Select(l => (l.Text, l.At.TotalSeconds)), [("tick", 1.0), ("result 42", 2.0)],
            KataText.Text("K09.BridgeTiming"),
            KataText.Text("K09.Fix.CompleteFromTheCallback"));
    }

    [Test]
    public void ToTask_EndsFaultedWithTheJobsOwnException()
    {
        var thrown = new InvalidOperationException("boom");
        Task<int>? bridged = null;
        Exception? caught = null;
        var (run, callbackErrors) = RunBridge(async io =>
        {
            var future = new ConcurrentFuture<int>();
            var worker = CompleteOnAWorker(io, 1, () => future.SetException(thrown));
            bridged = future.ToTask();
            try
            {
                await bridged;
            }
#pragma warning disable CA1031 // the test records whatever the await throws
            catch (Exception e)
#pragma warning restore CA1031
            {
                caught = e;
            }
            await worker;
        });

        AssertBridged(run, callbackErrors);
        Judge.All(() =>
        {
            Judge.Equal(bridged!.Status, TaskStatus.Faulted, KataText.Text("K09.FailedNotFaulted"));
            Judge.That(ReferenceEquals(caught, thrown),
                caught is null ? KataText.Text("K09.AwaitThrewNothing") : KataText.Format("K09.AwaitThrewAnother", $"{caught.GetType().Name}: {caught.Message}"),
                KataText.Text("K09.Fix.SetTheFuturesException"));
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(1), KataText.Text("K09.FailedTime"));
        });
    }

    [Test]
    public void ToTask_EndsCancelledWhenTheFutureIsCancelled()
    {
        Task<int>? bridged = null;
        Exception? caught = null;
        var (run, callbackErrors) = RunBridge(async io =>
        {
            var future = new ConcurrentFuture<int>();
            bridged = future.ToTask();
            await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
            future.Cancel();
            try
            {
                await bridged;
            }
#pragma warning disable CA1031 // the test records whatever the await throws
            catch (Exception e)
#pragma warning restore CA1031
            {
                caught = e;
            }
        });

        AssertBridged(run, callbackErrors);
        Judge.All(() =>
        {
            Judge.Equal(bridged!.Status, TaskStatus.Canceled, KataText.Text("K09.CancelledNotCanceled"), KataText.Text("K09.Fix.TrySetCanceled"));
            Judge.That(caught is OperationCanceledException,
                caught is null ? KataText.Text("K09.CancelledThrewNothing") : KataText.Format("K09.CancelledThrewAnother", caught.GetType().Name));
        });
    }

    [Test]
    public void ToTask_OnAPendingJobCancelledInAPool_EndsCancelled_AndTheJobNeverRuns()
    {
        Task<string>? bridged = null;
        var ran = false;
        var (run, callbackErrors) = RunBridge(async io =>
        {
            await using var pool = new ThreadPoolExecutor(io.Threads, maxWorkers: 1);
            var busy = pool.Submit(() => { BlockingCallsTests.BlockingSleep(io.Time, 1); return "busy"; });
            var waiting = pool.Submit(() => { ran = true; return "never"; });
            bridged = waiting.ToTask();
            waiting.Cancel();
            await busy.ToTask();
        });

        AssertBridged(run, callbackErrors);
        Judge.All(() =>
        {
            Judge.Equal(bridged!.Status, TaskStatus.Canceled, KataText.Text("K09.PendingCancelledNotCanceled"));
            Judge.That(!ran, KataText.Text("K09.CancelledJobRan"), KataText.Text("K09.Fix.NeverStartACancelledJob"));
        });
    }

    [TestCase("finished", TaskStatus.RanToCompletion)]
    [TestCase("failed", TaskStatus.Faulted)]
    [TestCase("cancelled", TaskStatus.Canceled)]
    public void ToTask_OnAFutureThatIsDoneAlready_IsDoneAtOnce(string outcome, TaskStatus expected)
    {
        var future = new ConcurrentFuture<int>();
        if (outcome == "cancelled")
        {
            future.Cancel();
        }
        else
        {
            future.SetRunningOrNotifyCancel();
            if (outcome == "finished") future.SetResult(7);
            else future.SetException(new InvalidOperationException("boom"));
        }

        Task<int>? bridged = null;
        var (run, callbackErrors) = RunBridge(io =>
        {
            bridged = future.ToTask();
            return Task.CompletedTask;
        });

        AssertBridged(run, callbackErrors);
        Judge.Equal(bridged!.Status, expected, outcome switch
        {
            "finished" => KataText.Text("K09.DoneAlreadyFinished"),
            "failed" => KataText.Text("K09.DoneAlreadyFailed"),
            _ => KataText.Text("K09.DoneAlreadyCancelled"),
        });
        if (outcome == "finished") Judge.Equal(bridged.Result, 7, KataText.Text("K09.BridgedWrongResult"));
        if (outcome == "failed")
        {
            var inner = bridged.Exception?.InnerException;
            Judge.That(inner is InvalidOperationException { Message: "boom" },
                inner is null ? KataText.Text("K09.BridgedNoException") : KataText.Format("K09.BridgedOtherException", $"{inner.GetType().Name}: {inner.Message}"));
        }
    }

    [Test]
    public void ToTask_CompletingTheFutureDoesNotRunTheWaiterInsideTheCallback()
    {
        // As in K07, off the loop, where the thread tells without any timing: a waiter that asks to run
        // synchronously runs inside the done callback, on the thread that completes the future (in a pool:
        // the worker, inside its job), unless the TaskCompletionSource was made to run its waiters elsewhere.
        var future = new ConcurrentFuture<int>();
        Task<int>? bridged = null;
        AssertBridged(KataLoop.Run(_ =>
        {
            bridged = future.ToTask(); // on the loop, where a stub not written yet is reported as such
            return Task.CompletedTask;
        }), []);
        var setterThread = Environment.CurrentManagedThreadId;
        var ranInside = 0;
        // Only a waiter that runs inside SetResult, on this thread, marks it: one that was queued runs later,
        // elsewhere, and is never waited for (the verdict is known when SetResult returns, without real time).
        _ = bridged!.ContinueWith(_ =>
        {
            if (Environment.CurrentManagedThreadId == setterThread) Interlocked.Exchange(ref ranInside, 1);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        future.SetRunningOrNotifyCancel();
        future.SetResult(7);

        Judge.That(Volatile.Read(ref ranInside) == 0, () => new Verdict(KataText.Text("K09.WaiterRanInsideTheCallback"))
            .Fix(KataText.Text("K09.Fix.RunContinuationsAsynchronously")));
    }

    /// <summary>Runs a K09 program, and notes what its done callbacks threw (ConcurrentFuture only traces it).</summary>
    internal static (LoopRun Run, IReadOnlyList<Exception> Thrown) RunBridge(Func<ProgramIO, Task> program)
    {
        using var errors = DoneCallbackErrors.Listen();
        var run = KataLoop.Run(KataContext.Of(typeof(FutureBridgeTests)), program);
        return (run, errors.Thrown);
    }

    /// <summary>Fails if a done callback threw, or unless the run completed, with the cause the bridge tests can see: the callback's exception, or a thread kept waiting.</summary>
    internal static void AssertBridged(LoopRun run, IReadOnlyList<Exception> thrown)
    {
        if (thrown.Count > 0) Judge.Fail(CallbackThrew(thrown));
        if (run.Outcome == LoopOutcome.Completed) return;
        if (KeptAThreadWaiting(run.Outcome)) Judge.Fail(BlockedBridge(run, KataText.Text("K09.Why.OnlyToTask")));
        AssertCompleted(run);
    }

    /// <summary>
    /// When ToTask(), tried on its own (a future that a worker completes at 1 s), keeps a thread waiting:
    /// the verdict that says so, for tests of code that uses the bridge; null when the bridge does not block.
    /// </summary>
    internal static Verdict? BridgeThatBlocks()
    {
        var future = new ConcurrentFuture<int>();
        var probe = VirtualLoop.Run(KataContext.Of(typeof(FutureBridgeTests)).Id, async env =>
        {
            var io = new KataIO(env);
            var worker = CompleteOnAWorker(io, 1, () => future.SetResult(42));
            await Task.Delay(TimeSpan.FromSeconds(0.5), io.Time); // the loop idle once: the shared pool at rest, as in the first test
            await future.ToTask();
            await worker;
        }, new LoopOptions { SharedPoolBudget = TimeSpan.FromSeconds(1), WaitBudget = TimeSpan.FromSeconds(1) }); // only a bridge that blocks ever waits these out
        future.Cancel(); // a thread still waiting in Result() gets its answer and goes back to the pool
        return KeptAThreadWaiting(probe.Outcome)
            ? BlockedBridge(probe, KataText.Text("K09.Why.ToTaskAlone"))
            : null;
    }

    /// <summary>A thread kept waiting: the loop's own, one of its workers, or a shared-pool thread (a StartNew on the default scheduler).</summary>
    internal static bool KeptAThreadWaiting(LoopOutcome outcome) =>
        outcome is LoopOutcome.WorkerBlocked or LoopOutcome.LoopBlocked or LoopOutcome.SharedPoolStalled or LoopOutcome.UnknownThread;

    private static Verdict BlockedBridge(LoopRun run, string why) =>
        new Verdict(run.Outcome == LoopOutcome.LoopBlocked
                ? KataText.Text("K09.BridgeBlockedTheLoop")
                : KataText.Text("K09.BridgeThreadNeverFinished"))
            .Evidence(KataText.Format("K09.Evidence.LoopSaw", run.Detail))
            .Cause(run.Outcome == LoopOutcome.LoopBlocked
                ? KataText.Format("K09.Cause.WaitsOnTheLoopThread", why)
                : KataText.Format("K09.Cause.WaitsOnAThreadOfItsOwn", why))
            .Fix(KataText.Text("K09.Fix.NoThreadNeeded"));

    /// <summary>A done callback threw: what, and what it means for the bridged task.</summary>
    private static Verdict CallbackThrew(IReadOnlyList<Exception> thrown)
    {
        var first = thrown[0];
        var verdict = new Verdict(KataText.Format("K09.CallbackThrew", first.GetType().Name, first.Message))
            .Evidence(KataText.Text("K09.Evidence.CallbackSwallowed"));
        if (first.TargetSite is { Name: "Result" or "Exception" } read && read.DeclaringType is { IsGenericType: true } type
            && type.GetGenericTypeDefinition() == typeof(ConcurrentFuture<>) && first is OperationCanceledException)
        {
            return verdict.Cause(KataText.Format("K09.Cause.ReadACancelledFuture", read.Name))
                .Fix(KataText.Text("K09.Fix.CheckCancelledFirst"));
        }
        return verdict.Fix(KataText.Text("K09.Fix.CallbackMustNotThrow"));
    }

    /// <summary>A job on the loop's threads that blocks <paramref name="seconds"/> of virtual time, then completes a future.</summary>
    internal static Task CompleteOnAWorker(ProgramIO io, double seconds, Action complete) =>
        Task.Factory.StartNew(() =>
        {
            BlockingCallsTests.BlockingSleep(io.Time, seconds);
            complete();
        }, CancellationToken.None, TaskCreationOptions.None, io.Threads);

    private static async Task Tick(ProgramIO io)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
        io.Out.WriteLine("tick");
    }
}
