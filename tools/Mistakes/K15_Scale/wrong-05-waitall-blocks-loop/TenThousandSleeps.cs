namespace AsyncKatas.K15_Scale;

/// <summary>The cost of waiting: many sleeping tasks share one thread; blocking sleeps each hold a thread.</summary>
public static class TenThousandSleeps
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    /// <summary>Starts <paramref name="count"/> one-second sleeps, counts them as they finish, prints the line.</summary>
    public static async Task SleepingTasksAsync(int count, TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
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

    /// <summary>Runs <paramref name="count"/> blocking one-second jobs on a pool of <paramref name="workers"/> threads.</summary>
    public static async Task BlockingJobsAsync(int count, int workers, TextWriter output, TimeProvider time, TaskScheduler threads)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        var start = time.GetTimestamp();
        var pool = new ConcurrentExclusiveSchedulerPair(threads, maxConcurrencyLevel: workers);
        var jobs = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            jobs.Add(Task.Factory.StartNew(() => BlockingSleep(OneSecond, time), CancellationToken.None, TaskCreationOptions.None, pool.ConcurrentScheduler));
        }
        Task.WaitAll(jobs); // every job has ended after this line
        var finished = jobs.Count(job => job.IsCompleted);
        await Task.Yield();
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
