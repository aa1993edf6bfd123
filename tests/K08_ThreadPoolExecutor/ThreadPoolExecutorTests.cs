using AsyncKatas.K08_ThreadPoolExecutor;

namespace AsyncKatas.Tests.K08_ThreadPoolExecutor;

/// <summary>The pool's behaviour, whatever it is built on (a scheduler pair, a semaphore, a queue of your own).</summary>
[Category("K08")]
public class ThreadPoolExecutorTests
{
    private const string Running = "<Future state=running>";
    private const string Pending = "<Future state=pending>";
    private const string Returned = "<Future state=finished returned Int32>";

    [Test]
    public void Submit_GivesAFreeSlotAtOnce_TheOthersWaitPending()
    {
        var afterEachSubmit = new List<string>();
        var atOneAndAHalfSeconds = new List<string>();
        var futures = new List<Future<int>>();
        var run = KataLoop.Run(async io =>
        {
            var pool = new ThreadPoolExecutor(io.Threads, maxWorkers: 2);
            for (var i = 0; i < 4; i++)
            {
                var value = i;
                var future = pool.Submit(() => SleepThenReturn(io.Time, 1, value));
                futures.Add(future);
                afterEachSubmit.Add(future.ToString());
            }
            await Task.Delay(TimeSpan.FromSeconds(1.5), io.Time);
            atOneAndAHalfSeconds.AddRange(futures.Select(f => f.ToString()));
            await pool.ShutdownAsync();
        });

        AssertCompleted(run);
        Judge.All(() =>
        {
            Judge.Sequence(afterEachSubmit, [Running, Running, Pending, Pending],
                KataText.Text("K08.StatesAfterSubmit"),
                KataText.Text("K08.Fix.ASlotMeansRunning"));
            Judge.Sequence(atOneAndAHalfSeconds, [Returned, Returned, Running, Running],
                KataText.Text("K08.StatesAtOneAndAHalf"));
            Judge.That(futures.All(f => f.State == FutureState.Finished), () => new Verdict(KataText.Text("K08.ShutdownTooEarly"))
                .Evidence(KataText.Format("K08.Evidence.StatesAfterShutdown", Listing.Inline(futures.Select(f => f.State))))
                .Fix(KataText.Text("K08.Fix.ShutdownWaits")));
            Judge.Sequence(futures.Select(f => f.Task.IsCompletedSuccessfully ? f.Task.Result : -1), [0, 1, 2, 3],
                KataText.Text("K08.OwnResults"));
        });
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void AtMostMaxWorkersJobsRunAtOnce_TheRestStartInSubmissionOrder(int maxWorkers)
    {
        const int jobs = 5;
        var starts = new List<(int Job, double At)>();
        var inSleep = 0;
        var mostAtOnce = 0;
        var submitTookTime = false;
        var notFinishedAfterShutdown = 0;
        var run = KataLoop.Run(async io =>
        {
            var pool = new ThreadPoolExecutor(io.Threads, maxWorkers);
            var futures = Enumerable.Range(0, jobs).Select(job => pool.Submit(() =>
            {
                // Jobs take turns in real time (the loop hands out one turn at a time), so plain counters are safe.
                starts.Add((job, io.Time.Elapsed.TotalSeconds));
                mostAtOnce = Math.Max(mostAtOnce, ++inSleep);
                SleepThenReturn(io.Time, 1, job);
                inSleep--;
                return job;
            })).ToList();
            submitTookTime = io.Time.Elapsed != TimeSpan.Zero;
            await pool.ShutdownAsync();
            notFinishedAfterShutdown = futures.Count(f => f.State != FutureState.Finished);
        });

        AssertCompleted(run);
        var expectedStarts = Enumerable.Range(0, jobs).Select(job => (job, (double)(job / maxWorkers))).ToList();
        var expectedTotal = (jobs + maxWorkers - 1) / maxWorkers;
        Judge.All(() =>
        {
            Judge.That(!submitTookTime, KataText.Text("K08.SubmitTookTime"), KataText.Text("K08.Fix.SubmitReturnsAtOnce"));
            Judge.Equal(mostAtOnce, maxWorkers, KataText.Format("K08.MostAtOnce", maxWorkers),
                mostAtOnce > maxWorkers ? KataText.Text("K08.Fix.StartOnlyWithASlot") : KataText.Text("K08.Fix.StartWhenASlotIsFree"));
            Judge.Sequence(starts, expectedStarts, KataText.Format("K08.StartOrder", maxWorkers));
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(expectedTotal), KataText.Format("K08.TotalTime", jobs, maxWorkers, expectedTotal));
            Judge.Equal(notFinishedAfterShutdown, 0, KataText.Text("K08.ShutdownTooEarly"), KataText.Text("K08.Fix.ShutdownWaits"));
        });
    }

    [Test]
    public void AFailingJob_FailsItsOwnFuture_AndFreesItsSlot()
    {
        Future<int>? failing = null;
        Future<int>? next = null;
        var run = KataLoop.Run(async io =>
        {
            var pool = new ThreadPoolExecutor(io.Threads, maxWorkers: 1);
            failing = pool.Submit<int>(() =>
            {
                SleepThenReturn(io.Time, 1, 0);
                throw new InvalidOperationException("boom");
            });
            next = pool.Submit(() => SleepThenReturn(io.Time, 1, 123));
            await pool.ShutdownAsync();
        });

        AssertCompleted(run);
        Judge.All(() =>
        {
            Judge.Equal(failing!.Task.Status, TaskStatus.Faulted, KataText.Text("K08.FailedJobNotFaulted"));
            var inner = failing.Task.Exception?.InnerException;
            Judge.That(inner is InvalidOperationException { Message: "boom" },
                inner is null ? KataText.Text("K08.FailedFutureNoException") : KataText.Format("K08.FailedFutureOtherException", $"{inner.GetType().Name}: {inner.Message}"));
            Judge.Equal(failing.ToString(), "<Future state=finished raised InvalidOperationException>", KataText.Text("K08.FailedFutureToString"));
            Judge.Equal(next!.Task.IsCompletedSuccessfully ? next.Task.Result : -1, 123,
                KataText.Text("K08.NextJobDidNotRun"),
                KataText.Text("K08.Fix.GiveTheSlotBack"));
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(2), KataText.Text("K08.OneWorkerTime"));
        });
    }

    /// <summary>A blocking job: holds its worker thread for <paramref name="seconds"/> of virtual time.</summary>
    private static int SleepThenReturn(TimeProvider time, double seconds, int value)
    {
#pragma warning disable VSTHRD002 // a blocking sleep on a worker thread, on the virtual clock
        Task.Delay(TimeSpan.FromSeconds(seconds), time).Wait();
#pragma warning restore VSTHRD002
        return value;
    }
}
