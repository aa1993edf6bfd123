namespace AsyncKatas.K07_Futures;

/// <summary>Futures: a result that someone else provides later (asyncio.Future, in .NET a TaskCompletionSource).</summary>
public static class Futures
{
    /// <summary>A new, not yet completed future, like <c>loop.create_future()</c>.</summary>
    public static TaskCompletionSource<T> CreateFuture<T>()
    {
        return new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
    }

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
        await Task.Delay(TimeSpan.FromSeconds(2), time);
        future.SetResult(666);
    }

    /// <summary>Part 2: creates a future, awaits SetAfterAsync on it, then awaits the future and prints its value.</summary>
    public static async Task MainAsync(TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        var future = CreateFuture<int>();
        output.WriteLine(await future.Task);
        await SetAfterAsync(future, time);
    }
}
