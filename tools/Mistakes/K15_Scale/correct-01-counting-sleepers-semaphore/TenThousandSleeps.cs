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
        var finished = 0;

        async Task SleepAndCountAsync()
        {
            await Task.Delay(OneSecond, time);
            finished++; // back on the loop: no lock needed
        }

        await Task.WhenAll(Enumerable.Range(0, count).Select(_ => SleepAndCountAsync()).ToArray());
        output.WriteLine($"{finished} tasks finished at {time.GetElapsedTime(start).TotalSeconds:0.0} s");
    }

    /// <summary>Runs <paramref name="count"/> blocking one-second jobs on a pool of <paramref name="workers"/> threads.</summary>
    public static async Task BlockingJobsAsync(int count, int workers, TextWriter output, TimeProvider time, TaskScheduler threads)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        var start = time.GetTimestamp();
        using var slots = new SemaphoreSlim(workers, workers);
        var finished = 0;

        async Task RunOneAsync()
        {
            try
            {
                await Task.Factory.StartNew(() => BlockingSleep(OneSecond, time), CancellationToken.None, TaskCreationOptions.None, threads);
                finished++; // on the loop, after the job's thread is free again
            }
            finally
            {
                slots.Release();
            }
        }

        var jobs = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            await slots.WaitAsync(); // at most `workers` jobs hold a thread
            jobs.Add(RunOneAsync());
        }
        await Task.WhenAll(jobs);
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
