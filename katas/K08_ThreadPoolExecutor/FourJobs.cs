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
        throw new NotImplementedException(
            "Block this worker thread for one virtual second (Task.Delay(delay, time).Wait(), never Thread.Sleep), then print value and return 123. " +
            "/ 把这个 worker 线程阻塞一个虚拟秒（Task.Delay(delay, time).Wait()，绝不要用 Thread.Sleep），然后打印 value 并返回 123。");
    }

    /// <summary>
    /// Makes a pool of two workers, submits <see cref="Work"/> for the values 0 to 3, prints each future
    /// right after submitting it, then waits for the pool to finish.
    /// </summary>
    public static Task RunAsync(TextWriter output, TimeProvider time, TaskScheduler threads)
    {
        throw new NotImplementedException(
            "Make a ThreadPoolExecutor(threads, maxWorkers: 2), submit Work(i, ...) for i = 0..3 printing each future as soon as it is submitted, then await the pool's ShutdownAsync(). " +
            "/ 创建 ThreadPoolExecutor(threads, maxWorkers: 2)，对 i = 0..3 提交 Work(i, ...)，每个 future 一提交就打印它，然后 await 线程池的 ShutdownAsync()。");
    }
}
