namespace AsyncKatas.K07_Futures;

/// <summary>Futures: a result that someone else provides later (asyncio.Future, in .NET a TaskCompletionSource).</summary>
public static class Futures
{
    /// <summary>
    /// A new, not yet completed future, like <c>loop.create_future()</c>. Completing it never runs its
    /// waiters inside the call that completes it: they are queued on the loop, as asyncio does.
    /// </summary>
    public static TaskCompletionSource<T> CreateFuture<T>() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Part 1: creates a future that nobody will ever complete and awaits it. It never returns.</summary>
    public static async Task WaitForeverAsync()
    {
        var future = CreateFuture<int>();
        await future.Task;
    }

    /// <summary>Sleeps 2 seconds, then completes <paramref name="future"/> with 666.</summary>
    public static async Task SetAfterAsync(TaskCompletionSource<int> future, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(future);
        ArgumentNullException.ThrowIfNull(time);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // asyncio's loop.call_later(2, future.set_result, 666): a timer of the injected clock sets the value.
        await using var timer = time.CreateTimer(_ =>
        {
            future.SetResult(666);
            done.SetResult();
        }, null, TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        await done.Task;
    }

    /// <summary>Part 2: creates a future, awaits SetAfterAsync on it, then awaits the future and prints its value.</summary>
    public static async Task MainAsync(TextWriter output, TimeProvider time)
    {
        var future = CreateFuture<int>();
        await SetAfterAsync(future, time);
        var data = await future.Task;
        output.WriteLine(data);
    }
}
