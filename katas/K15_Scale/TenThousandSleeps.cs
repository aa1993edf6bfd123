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
        var finished = 0;

        // Deliberately naive: each sleep starts only when the previous one has ended, so ten thousand
        // one-second sleeps take ten thousand seconds. Start them all, then count them as they finish.
        for (var i = 0; i < count; i++)
        {
            await Task.Delay(OneSecond, time);
            finished++;
        }

        output.WriteLine($"{finished} tasks finished at {time.GetElapsedTime(start).TotalSeconds:0.0} s");
    }

    /// <summary>
    /// Runs <paramref name="count"/> jobs that each block their thread for one second, on a pool of
    /// <paramref name="workers"/> threads built on <paramref name="threads"/>, counts them as they
    /// finish, and prints "{finished} blocking jobs on {workers} threads finished at {seconds:0.0} s".
    /// </summary>
    public static Task BlockingJobsAsync(int count, int workers, TextWriter output, TimeProvider time, TaskScheduler threads)
    {
        throw new NotImplementedException(
            "Queue count jobs that each block one second (BlockingSleep) on a pool of `workers` threads built on `threads`, " +
            "count them as they finish, then print \"{finished} blocking jobs on {workers} threads finished at {seconds:0.0} s\"." +
            " / 把 count 个各阻塞一秒（BlockingSleep）的工作排到一个在 `threads` 上构建、有 `workers` 个线程的线程池上，在它们完成时计数，然后打印 \"{finished} blocking jobs on {workers} threads finished at {seconds:0.0} s\"。");
    }

    /// <summary>A blocking sleep (Python's time.sleep): the thread waits and can do nothing else meanwhile.</summary>
    private static void BlockingSleep(TimeSpan delay, TimeProvider time)
    {
#pragma warning disable VSTHRD002 // Blocking is the point: this job holds its thread for the whole second, on the virtual clock.
        Task.Delay(delay, time).Wait();
#pragma warning restore VSTHRD002
    }
}
