namespace AsyncKatas.K09_RunInExecutor;

/// <summary>The article's run_in_executor example: one blocking function, awaited three ways.</summary>
public static class BlockingCalls
{
    /// <summary>What <see cref="BlockingFunction"/> returns.</summary>
    public const string ReturnValue = "这是一个任务的返回值...";

    /// <summary>The article's <c>func_1</c>: blocks its thread for two seconds, then returns <see cref="ReturnValue"/>.</summary>
    public static string BlockingFunction(TimeProvider time)
    {
        // Python's time.sleep(2): a blocking sleep, on the injected clock so that it stays virtual.
#pragma warning disable VSTHRD002 // this function blocks its thread on purpose: that is why it needs an executor
        Task.Delay(TimeSpan.FromSeconds(2), time).Wait();
#pragma warning restore VSTHRD002
        return ReturnValue;
    }

    /// <summary>
    /// Python's <c>await loop.run_in_executor(executor, func)</c>: runs <paramref name="func"/> on
    /// <paramref name="threads"/> (the loop's own threads, its default executor) when
    /// <paramref name="executor"/> is null, otherwise in that pool; returns a task for its result.
    /// </summary>
    public static Task<T> RunInExecutorAsync<T>(TaskScheduler threads, ThreadPoolExecutor? executor, Func<T> func) =>
        executor is null
            ? Task.Factory.StartNew(func, CancellationToken.None, TaskCreationOptions.None, threads)
            : executor.Submit(func).ToTask();

    /// <summary>
    /// The stand-in for Python's process pool: runs <paramref name="func"/> on a thread of its own,
    /// outside the loop's shared threads, and returns a task for its result.
    /// </summary>
    public static Task<T> RunOnDedicatedThreadAsync<T>(TaskScheduler threads, Func<T> func) =>
        Task.Factory.StartNew(func, CancellationToken.None, TaskCreationOptions.LongRunning, threads);

    /// <summary>
    /// Awaits <see cref="BlockingFunction"/> three times in a row, printing each result: on the loop's
    /// threads, in a pool of your own, on a dedicated thread.
    /// </summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time, TaskScheduler threads)
    {
        // The prefixes end in a space and Python's print adds one more: two spaces before the result.
        var result = await RunInExecutorAsync(threads, null, () => BlockingFunction(time));
        output.WriteLine($"当前方式会自动创建一个线程池去执行普通函数:  {result}");

        await using (var pool = new ThreadPoolExecutor(threads, maxWorkers: 4))
        {
            result = await RunInExecutorAsync(threads, pool, () => BlockingFunction(time));
            output.WriteLine($"在线程池中得到的执行结果:  {result}");
        }

        result = await RunOnDedicatedThreadAsync(threads, () => BlockingFunction(time));
        output.WriteLine($"在进程池中得到的执行结果:  {result}");
    }
}
