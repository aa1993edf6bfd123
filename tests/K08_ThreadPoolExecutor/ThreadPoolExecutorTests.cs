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
                "the futures' states right after each Submit are wrong.",
                "a job that finds a free worker slot is running from that moment (it holds the slot); a job that finds none is pending.");
            Judge.Sequence(atOneAndAHalfSeconds, [Returned, Returned, Running, Running],
                "the futures' states at 1.5 s are wrong: by then the first two jobs have finished and the two pending ones have taken their slots.");
            Judge.That(futures.All(f => f.State == FutureState.Finished), () => new Verdict("ShutdownAsync() completed while some jobs had not finished.")
                .Evidence($"states after ShutdownAsync: {Listing.Inline(futures.Select(f => f.State))}")
                .Fix("ShutdownAsync must wait for every job submitted before it."));
            Judge.Sequence(futures.Select(f => f.Task.IsCompletedSuccessfully ? f.Task.Result : -1), [0, 1, 2, 3],
                "each future must carry the result of its own job (-1: the future's task did not end successfully).");
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
            Judge.That(!submitTookTime, "Submit took virtual time: it waited for a slot.", "Submit must return at once; the job waits in the pool, not the caller.");
            Judge.Equal(mostAtOnce, maxWorkers, $"the most jobs at work at the same time should be maxWorkers ({maxWorkers}).",
                mostAtOnce > maxWorkers ? "let a job start only when it gets one of the maxWorkers slots." : "start a queued job as soon as a slot is free.");
            Judge.Sequence(starts, expectedStarts, $"the jobs (job, virtual second) must start {maxWorkers} at a time, in the order they were submitted.");
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(expectedTotal), $"{jobs} one-second jobs on {maxWorkers} worker(s) take {expectedTotal} s; the run took another virtual time.");
            Judge.Equal(notFinishedAfterShutdown, 0, "ShutdownAsync() completed while some jobs had not finished.", "ShutdownAsync must wait for every job submitted before it.");
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
            Judge.Equal(failing!.Task.Status, TaskStatus.Faulted, "the future of a job that threw must end faulted.");
            var inner = failing.Task.Exception?.InnerException;
            Judge.That(inner is InvalidOperationException { Message: "boom" },
                $"the failed future must carry the job's own exception (InvalidOperationException: boom), not {(inner is null ? "nothing" : $"{inner.GetType().Name}: {inner.Message}")}.");
            Judge.Equal(failing.ToString(), "<Future state=finished raised InvalidOperationException>", "the failed future's ToString() is wrong.");
            Judge.Equal(next!.Task.IsCompletedSuccessfully ? next.Task.Result : -1, 123,
                "the job after a failing one did not run to its result (-1: its future did not end successfully).",
                "give the slot back whatever the job does (try/finally).");
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(2), "two one-second jobs on a pool of one worker take 2 s (the second waits for the first); the run took another virtual time.");
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
