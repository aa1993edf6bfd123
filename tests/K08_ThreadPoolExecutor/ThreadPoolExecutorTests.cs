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
        var run = KataLoop.Run("K08", async io =>
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
        Assert.Multiple(() =>
        {
            Assert.That(afterEachSubmit, Is.EqualTo(new[] { Running, Running, Pending, Pending }),
                "Right after Submit, a job that found a free worker slot is running (it holds the slot from that moment) and a job that found none is pending.");
            Assert.That(atOneAndAHalfSeconds, Is.EqualTo(new[] { Returned, Returned, Running, Running }),
                "At 1.5 s the first two jobs have finished and the two pending ones have taken their slots.");
            Assert.That(futures.Select(f => f.State), Is.All.EqualTo(FutureState.Finished),
                "ShutdownAsync() completed while some jobs had not finished.");
            Assert.That(futures.Select(f => f.Task.Result), Is.EqualTo(new[] { 0, 1, 2, 3 }),
                "Each future carries the result of its own job.");
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
        var run = KataLoop.Run("K08", async io =>
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
        Assert.Multiple(() =>
        {
            Assert.That(submitTookTime, Is.False, "Submit must return at once, without waiting for a slot.");
            Assert.That(mostAtOnce, Is.EqualTo(maxWorkers),
                $"{mostAtOnce} job(s) were at work at the same time on a pool of maxWorkers: {maxWorkers}.");
            Assert.That(starts, Is.EqualTo(expectedStarts),
                $"The jobs (job, virtual second) must start {maxWorkers} at a time, in the order they were submitted.");
            Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(expectedTotal)),
                $"{jobs} one-second jobs on {maxWorkers} worker(s) take {expectedTotal} s.");
            Assert.That(notFinishedAfterShutdown, Is.Zero, "ShutdownAsync() completed while some jobs had not finished.");
        });
    }

    [Test]
    public void AFailingJob_FailsItsOwnFuture_AndFreesItsSlot()
    {
        Future<int>? failing = null;
        Future<int>? next = null;
        var run = KataLoop.Run("K08", async io =>
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
        Assert.Multiple(() =>
        {
            Assert.That(failing!.Task.IsFaulted, Is.True, "The future of a job that threw must end faulted.");
            Assert.That(failing.Task.Exception?.InnerException, Is.TypeOf<InvalidOperationException>().With.Message.EqualTo("boom"));
            Assert.That(failing.ToString(), Is.EqualTo("<Future state=finished raised InvalidOperationException>"));
            Assert.That(next!.Task.IsCompletedSuccessfully ? next.Task.Result : -1, Is.EqualTo(123),
                "The job after a failing one must still run: the failing job gives its slot back.");
            Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(2)),
                "Two one-second jobs on a pool of one worker take 2 s: the second waits for the first.");
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
