namespace AsyncKatas.K08_ThreadPoolExecutor;

/// <summary>The article's concurrent.futures example: four blocking jobs on a pool of two threads.</summary>
public static class FourJobs
{
    /// <summary>
    /// The article's <c>func(value)</c>, a blocking job for a worker thread: sleeps one second (blocking
    /// its thread), prints <paramref name="value"/>, returns 123.
    /// </summary>
    public static int Work(int value, TextWriter output, TimeProvider time)
    {
        // Python's time.sleep(1): this job blocks its worker thread on purpose. Blocking on a delay of
        // the injected clock keeps the sleep virtual (Thread.Sleep would wait a real second).
#pragma warning disable VSTHRD002 // a blocking sleep on a worker thread is the point of the example
        Task.Delay(TimeSpan.FromSeconds(1), time).Wait();
#pragma warning restore VSTHRD002
        output.WriteLine(value);
        return 123;
    }

    /// <summary>
    /// Makes a pool of two workers, submits <see cref="Work"/> for the values 0 to 3, prints each future
    /// right after submitting it, then waits for the pool to finish.
    /// </summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time, TaskScheduler threads)
    {
        var pool = new ThreadPoolExecutor(threads, maxWorkers: 2);
        for (var i = 0; i < 4; i++)
        {
            var value = i;
            var future = pool.Submit(() => Work(value, output, time));
            output.WriteLine(future);
        }
        await pool.ShutdownAsync();
    }
}
