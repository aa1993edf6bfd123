namespace AsyncKatas.K15_Scale;

/// <summary>
/// What the article never shows: the cost of waiting. Many sleeping tasks share one thread; blocking
/// sleeps each hold a thread, and a pool has only so many.
/// </summary>
public static class TenThousandSleeps
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Starts <paramref name="count"/> tasks that each sleep one second, counts them as they finish,
    /// and prints "{finished} tasks finished at {seconds:0.0} s".
    /// </summary>
    public static async Task SleepingTasksAsync(int count, TextWriter output, TimeProvider time)
    {
        var start = time.GetTimestamp();
        var sleepers = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            sleepers.Add(Task.Delay(OneSecond, time));
        }

        var finished = 0;
        await foreach (var _ in Task.WhenEach(sleepers))
        {
            finished++;
        }

        output.WriteLine($"{finished} tasks finished at {time.GetElapsedTime(start).TotalSeconds:0.0} s");
    }

    /// <summary>
    /// Runs <paramref name="count"/> jobs that each block their thread for one second, on a pool of
    /// <paramref name="workers"/> threads built on <paramref name="threads"/>, counts them as they
    /// finish, and prints "{finished} blocking jobs on {workers} threads finished at {seconds:0.0} s".
    /// </summary>
    public static async Task BlockingJobsAsync(int count, int workers, TextWriter output, TimeProvider time, TaskScheduler threads)
    {
        var start = time.GetTimestamp();
        var pool = new ConcurrentExclusiveSchedulerPair(threads, maxConcurrencyLevel: workers);
        var finished = 0;
        var jobs = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            jobs.Add(Task.Factory.StartNew(
                () =>
                {
                    BlockingSleep(OneSecond, time);
                    Interlocked.Increment(ref finished); // jobs end on the pool's threads
                },
                CancellationToken.None,
                TaskCreationOptions.None,
                pool.ConcurrentScheduler));
        }

        await Task.WhenAll(jobs);
        // Stryker disable once Statement : equivalent: the pair holds no thread and every job has ended; Complete() only refuses further work
        pool.Complete();
        output.WriteLine($"{finished} blocking jobs on {workers} threads finished at {time.GetElapsedTime(start).TotalSeconds:0.0} s");
    }

    /// <summary>A blocking sleep (Python's time.sleep): the thread waits and can do nothing else meanwhile.</summary>
    private static void BlockingSleep(TimeSpan delay, TimeProvider time)
    {
#pragma warning disable VSTHRD002 // Blocking is the point: this job holds its thread for the whole second, on the virtual clock.
        Task.Delay(delay, time).Wait();
#pragma warning restore VSTHRD002
    }
}
