namespace AsyncKatas.K08_ThreadPoolExecutor;

/// <summary>The article's concurrent.futures example: four blocking jobs on a pool of two threads.</summary>
public static class FourJobs
{
    /// <summary>Sleeps one second (blocking its thread), prints <paramref name="value"/>, returns 123.</summary>
    public static int Work(int value, TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        Task.Delay(TimeSpan.FromSeconds(1), time).Wait();
        output.WriteLine(value);
        return 123;
    }

    /// <summary>A pool of two workers, four jobs, each future printed right after submitting it, then wait for the pool.</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time, TaskScheduler threads)
    {
        ArgumentNullException.ThrowIfNull(output);
        var pool = new ThreadPoolExecutor(threads, maxWorkers: 2);
        foreach (var value in new[] { 0, 1, 2, 3 })
        {
            var future = pool.Submit(() => Work(value, output, time));
            output.WriteLine(future);
        }
        await pool.ShutdownAsync();
    }
}
