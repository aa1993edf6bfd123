namespace AsyncKatas.K07_Futures;

/// <summary>Futures: a result that someone else provides later (asyncio.Future, in .NET a TaskCompletionSource).</summary>
public static class Futures
{
    /// <summary>A new, not yet completed future, like <c>loop.create_future()</c>.</summary>
    public static TaskCompletionSource<T> CreateFuture<T>() =>
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Part 1: creates a future that nobody will ever complete and awaits it. It never returns.</summary>
    public static Task WaitForeverAsync() => CreateFuture<int>().Task;

    /// <summary>Sleeps 2 seconds, then completes <paramref name="future"/> with 666.</summary>
    public static async Task SetAfterAsync(TaskCompletionSource<int> future, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(future);
        await Task.Delay(TimeSpan.FromSeconds(2), time);
        if (!future.TrySetResult(666))
        {
            throw new InvalidOperationException("The future already had a result.");
        }
    }

    /// <summary>Part 2: creates a future, awaits SetAfterAsync on it, then awaits the future and prints its value.</summary>
    public static async Task MainAsync(TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        var future = CreateFuture<int>();
        var setter = SetAfterAsync(future, time); // like loop.create_task(set_after(fut))
        await setter;
        var value = await future.Task;
        output.WriteLine(value);
    }
}
