namespace AsyncKatas.K09_RunInExecutor;

/// <summary>The article's run_in_executor example: one blocking function, awaited three ways.</summary>
public static class BlockingCalls
{
    /// <summary>What <see cref="BlockingFunction"/> returns.</summary>
    public const string ReturnValue = "这是一个任务的返回值...";

    /// <summary>The article's <c>func_1</c>: blocks its thread for two seconds, then returns <see cref="ReturnValue"/>.</summary>
    public static string BlockingFunction(TimeProvider time)
    {
        throw new NotImplementedException(
            "Block this thread for two virtual seconds (Task.Delay(delay, time).Wait(), never Thread.Sleep), then return ReturnValue.");
    }

    /// <summary>
    /// Python's <c>await loop.run_in_executor(executor, func)</c>: runs <paramref name="func"/> on
    /// <paramref name="threads"/> (the loop's own threads, its default executor) when
    /// <paramref name="executor"/> is null, otherwise in that pool; returns a task for its result.
    /// </summary>
    public static Task<T> RunInExecutorAsync<T>(TaskScheduler threads, ThreadPoolExecutor? executor, Func<T> func)
    {
        throw new NotImplementedException(
            "Without an executor: start func on threads (Task.Factory.StartNew). With one: submit func to it and turn its future into a Task with ToTask().");
    }

    /// <summary>
    /// The stand-in for Python's process pool: runs <paramref name="func"/> on a thread of its own,
    /// outside the loop's shared threads, and returns a task for its result.
    /// </summary>
    public static Task<T> RunOnDedicatedThreadAsync<T>(TaskScheduler threads, Func<T> func)
    {
        throw new NotImplementedException(
            "Start func on threads with TaskCreationOptions.LongRunning: the scheduler then gives it a dedicated thread.");
    }

    /// <summary>
    /// Awaits <see cref="BlockingFunction"/> three times in a row, printing each result: on the loop's
    /// threads, in a pool of your own, on a dedicated thread.
    /// </summary>
    public static Task RunAsync(TextWriter output, TimeProvider time, TaskScheduler threads)
    {
        throw new NotImplementedException(
            "Await BlockingFunction three times, one after the other: RunInExecutorAsync without an executor, then with a ThreadPoolExecutor you create (await using), then RunOnDedicatedThreadAsync. Print each result after its prefix, as the article does.");
    }
}
