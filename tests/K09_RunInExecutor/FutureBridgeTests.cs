using AsyncKatas.K09_RunInExecutor;

namespace AsyncKatas.Tests.K09_RunInExecutor;

/// <summary>ToTask(): the bridge from a callback-style future to a Task (Python's asyncio.wrap_future).</summary>
[Category("K09")]
public class FutureBridgeTests
{
    [Test]
    public void ToTask_EndsWithTheResult_AndAwaitingItLeavesTheLoopFree()
    {
        var run = KataLoop.Run("K09", async io =>
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

        AssertCompleted(run);
        Judge.Sequence(run.Lines.Select(l => (l.Text, l.At.TotalSeconds)), [("tick", 1.0), ("result 42", 2.0)],
            "ToTask() must return at once, and its task must end when the future does (at 2 s); meanwhile the loop is free to print \"tick\" at 1 s.",
            "complete a TaskCompletionSource from the future's done callback (AddDoneCallback) and return its Task; never block on the future.");
    }

    [Test]
    public void ToTask_EndsFaultedWithTheJobsOwnException()
    {
        var thrown = new InvalidOperationException("boom");
        Task<int>? bridged = null;
        Exception? caught = null;
        var run = KataLoop.Run("K09", async io =>
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

        AssertCompleted(run);
        Judge.All(() =>
        {
            Judge.Equal(bridged!.Status, TaskStatus.Faulted, "the task of a failed future must end faulted.");
            Judge.That(ReferenceEquals(caught, thrown),
                $"awaiting the task must throw the job's own exception (InvalidOperationException: boom), not {(caught is null ? "nothing" : $"{caught.GetType().Name}: {caught.Message}")}.",
                "SetException(the future's exception), not a new or wrapped one.");
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(1), "the bridged task must end when the future fails, at 1 s; the run took another virtual time.");
        });
    }

    [Test]
    public void ToTask_EndsCancelledWhenTheFutureIsCancelled()
    {
        Task<int>? bridged = null;
        Exception? caught = null;
        var run = KataLoop.Run("K09", async io =>
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

        AssertCompleted(run);
        Judge.All(() =>
        {
            Judge.Equal(bridged!.Status, TaskStatus.Canceled, "the task of a cancelled future must end cancelled.", "TrySetCanceled() when the future is cancelled.");
            Judge.That(caught is OperationCanceledException,
                $"awaiting the task of a cancelled future must throw OperationCanceledException, not {(caught is null ? "nothing" : caught.GetType().Name)}.");
        });
    }

    [Test]
    public void ToTask_OnAPendingJobCancelledInAPool_EndsCancelled_AndTheJobNeverRuns()
    {
        Task<string>? bridged = null;
        var ran = false;
        var run = KataLoop.Run("K09", async io =>
        {
            await using var pool = new ThreadPoolExecutor(io.Threads, maxWorkers: 1);
            var busy = pool.Submit(() => { BlockingCallsTests.BlockingSleep(io.Time, 1); return "busy"; });
            var waiting = pool.Submit(() => { ran = true; return "never"; });
            bridged = waiting.ToTask();
            waiting.Cancel();
            await busy.ToTask();
        });

        AssertCompleted(run);
        Judge.All(() =>
        {
            Judge.Equal(bridged!.Status, TaskStatus.Canceled, "the task of a pending job cancelled in its pool must end cancelled.");
            Judge.That(!ran, "the cancelled pending job ran anyway.", "a job cancelled while pending must never start.");
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
        var run = KataLoop.Run("K09", io =>
        {
            bridged = future.ToTask();
            return Task.CompletedTask;
        });

        AssertCompleted(run);
        Judge.Equal(bridged!.Status, expected,
            $"ToTask() on a future that has {outcome} already must return a task that is done at once (the callback runs straight away).");
        if (outcome == "finished") Judge.Equal(bridged.Result, 7, "the bridged task's result is wrong.");
        if (outcome == "failed")
        {
            var inner = bridged.Exception?.InnerException;
            Judge.That(inner is InvalidOperationException { Message: "boom" },
                $"the bridged task must carry the future's own exception (InvalidOperationException: boom), not {(inner is null ? "nothing" : $"{inner.GetType().Name}: {inner.Message}")}.");
        }
    }

    /// <summary>A job on the loop's threads that blocks <paramref name="seconds"/> of virtual time, then completes a future.</summary>
    private static Task CompleteOnAWorker(ProgramIO io, double seconds, Action complete) =>
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
