namespace AsyncKatas.K07_Futures;

/// <summary>Futures: a result that someone else provides later (asyncio.Future, in .NET a TaskCompletionSource).</summary>
public static class Futures
{
    /// <summary>
    /// A new, not yet completed future, like <c>loop.create_future()</c>. Completing it never runs its
    /// waiters inside the call that completes it: they are queued on the loop, as asyncio does.
    /// </summary>
    public static TaskCompletionSource<T> CreateFuture<T>()
    {
        // Deliberately naive: as created here, SetResult runs a waiting `await` on the spot, in the middle
        // of the code that completes the future. asyncio never does that; see the README.
        return new TaskCompletionSource<T>();
    }

    /// <summary>Part 1: creates a future that nobody will ever complete and awaits it. It never returns.</summary>
    public static Task WaitForeverAsync()
    {
        throw new NotImplementedException(
            "Create a future with CreateFuture<int>() and await its Task. Nobody completes it: the test expects the loop to report that. " +
            "/ 用 CreateFuture<int>() 创建一个 future 并 await 它的 Task。没有人会完成它：测试期望事件循环报告这一点。");
    }

    /// <summary>Sleeps 2 seconds, then completes <paramref name="future"/> with 666.</summary>
    public static Task SetAfterAsync(TaskCompletionSource<int> future, TimeProvider time)
    {
        throw new NotImplementedException(
            "Sleep 2 s on the injected clock (Task.Delay(delay, time)), then give the future its result, 666. " +
            "/ 在注入的时钟上休眠 2 s（Task.Delay(delay, time)），然后给 future 设置结果 666。");
    }

    /// <summary>Part 2: creates a future, awaits SetAfterAsync on it, then awaits the future and prints its value.</summary>
    public static Task MainAsync(TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Create a future, await SetAfterAsync(future, time), then await the future's Task and print the value. " +
            "/ 创建一个 future，await SetAfterAsync(future, time)，然后 await 这个 future 的 Task 并打印它的值。");
    }
}
