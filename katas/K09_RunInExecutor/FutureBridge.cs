namespace AsyncKatas.K09_RunInExecutor;

/// <summary>The bridge from a callback-style future to a <see cref="Task{TResult}"/> (Python's <c>asyncio.wrap_future</c>).</summary>
public static class FutureBridge
{
    /// <summary>
    /// A task that ends as <paramref name="future"/> ends: with its result, faulted with its exception,
    /// or cancelled if it was cancelled. Returns at once and blocks no thread while it waits.
    /// </summary>
#pragma warning disable VSTHRD200 // a conversion, named like ValueTask.AsTask(): it starts nothing, so no Async suffix
    public static Task<T> ToTask<T>(this ConcurrentFuture<T> future)
#pragma warning restore VSTHRD200
    {
        throw new NotImplementedException(
            "Make a TaskCompletionSource<T> (with RunContinuationsAsynchronously), complete it from future.AddDoneCallback with the future's result, exception or cancellation, and return its Task.");
    }
}
