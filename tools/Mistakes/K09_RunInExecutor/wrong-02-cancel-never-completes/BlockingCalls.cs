namespace AsyncKatas.K09_RunInExecutor;

/// <summary>The article's run_in_executor example: one blocking function, awaited three ways.</summary>
public static class BlockingCalls
{
    /// <summary>What <see cref="BlockingFunction"/> returns.</summary>
    public const string ReturnValue = "这是一个任务的返回值...";

    /// <summary>The article's <c>func_1</c>: blocks its thread for two seconds, then returns <see cref="ReturnValue"/>.</summary>
    public static string BlockingFunction(TimeProvider time)
    {
        Task.Delay(TimeSpan.FromSeconds(2), time).Wait();
        return ReturnValue;
    }

    /// <summary>Python's <c>await loop.run_in_executor(executor, func)</c>.</summary>
    public static Task<T> RunInExecutorAsync<T>(TaskScheduler threads, ThreadPoolExecutor? executor, Func<T> func)
    {
        ArgumentNullException.ThrowIfNull(threads);
        ArgumentNullException.ThrowIfNull(func);
        if (executor is null)
        {
            return Task.Factory.StartNew(func, CancellationToken.None, TaskCreationOptions.None, threads);
        }
        return executor.Submit(func).ToTask();
    }

    /// <summary>The stand-in for Python's process pool: runs <paramref name="func"/> on a thread of its own.</summary>
    public static Task<T> RunOnDedicatedThreadAsync<T>(TaskScheduler threads, Func<T> func)
    {
        ArgumentNullException.ThrowIfNull(threads);
        ArgumentNullException.ThrowIfNull(func);
        return Task.Factory.StartNew(func, CancellationToken.None, TaskCreationOptions.LongRunning, threads);
    }

    /// <summary>Awaits <see cref="BlockingFunction"/> three times in a row, printing each result.</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time, TaskScheduler threads)
    {
        ArgumentNullException.ThrowIfNull(output);
        var result = await RunInExecutorAsync(threads, null, () => BlockingFunction(time));
        output.WriteLine($"当前方式会自动创建一个线程池去执行普通函数:  {result}");

        await using (var pool = new ThreadPoolExecutor(threads, maxWorkers: 4))
        {
            var inPool = await RunInExecutorAsync(threads, pool, () => BlockingFunction(time));
            output.WriteLine($"在线程池中得到的执行结果:  {inPool}");
        }

        var onItsOwn = await RunOnDedicatedThreadAsync(threads, () => BlockingFunction(time));
        output.WriteLine($"在进程池中得到的执行结果:  {onItsOwn}");
    }
}
