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
            "Block this thread for two virtual seconds (Task.Delay(delay, time).Wait(), never Thread.Sleep), then return ReturnValue. " +
            "/ 把这个线程阻塞两个虚拟秒（Task.Delay(delay, time).Wait()，绝不要用 Thread.Sleep），然后返回 ReturnValue。");
    }

    /// <summary>
    /// Python's <c>await loop.run_in_executor(executor, func)</c>: runs <paramref name="func"/> on
    /// <paramref name="threads"/> (the loop's own threads, its default executor) when
    /// <paramref name="executor"/> is null, otherwise in that pool; returns a task for its result.
    /// </summary>
    public static Task<T> RunInExecutorAsync<T>(TaskScheduler threads, ThreadPoolExecutor? executor, Func<T> func)
    {
        throw new NotImplementedException(
            "Without an executor: start func on threads (Task.Factory.StartNew). With one: submit func to it and turn its future into a Task with ToTask(). " +
            "/ 没有 executor 时：在 threads 上启动 func（Task.Factory.StartNew）。有 executor 时：把 func 提交给它，再用 ToTask() 把得到的 future 变成 Task。");
    }

    /// <summary>
    /// The stand-in for Python's process pool: runs <paramref name="func"/> on a thread of its own,
    /// outside the loop's shared threads, and returns a task for its result.
    /// </summary>
    public static Task<T> RunOnDedicatedThreadAsync<T>(TaskScheduler threads, Func<T> func)
    {
        throw new NotImplementedException(
            "Start func on threads with TaskCreationOptions.LongRunning: the scheduler then gives it a dedicated thread. " +
            "/ 用 TaskCreationOptions.LongRunning 在 threads 上启动 func：调度器就会给它一个专用线程。");
    }

    /// <summary>
    /// Awaits <see cref="BlockingFunction"/> three times in a row, printing each result: on the loop's
    /// threads, in a pool of your own, on a dedicated thread.
    /// </summary>
    public static Task RunAsync(TextWriter output, TimeProvider time, TaskScheduler threads)
    {
        throw new NotImplementedException(
            "Await BlockingFunction three times, one after the other: RunInExecutorAsync without an executor, then with a ThreadPoolExecutor you create (await using), then RunOnDedicatedThreadAsync. Print each result after its prefix, as the article does. " +
            "/ 依次 await BlockingFunction 三次：先用不带 executor 的 RunInExecutorAsync，再用带一个你创建的 ThreadPoolExecutor（await using）的 RunInExecutorAsync，最后用 RunOnDedicatedThreadAsync。像文章那样，把每个结果打印在它的前缀后面。");
    }
}
