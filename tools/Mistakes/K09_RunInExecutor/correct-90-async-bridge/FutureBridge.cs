namespace AsyncKatas.K09_RunInExecutor;

/// <summary>The bridge from a callback-style future to a <see cref="Task{TResult}"/> (Python's <c>asyncio.wrap_future</c>).</summary>
public static class FutureBridge
{
    /// <summary>
    /// A task that ends as <paramref name="future"/> ends: with its result, faulted with its exception,
    /// or cancelled if it was cancelled. Returns at once and blocks no thread while it waits.
    /// </summary>
#pragma warning disable VSTHRD200 // a conversion, named like ValueTask.AsTask(): it starts nothing, so no Async suffix
    public static async Task<T> ToTask<T>(this ConcurrentFuture<T> future)
#pragma warning restore VSTHRD200
    {
        ArgumentNullException.ThrowIfNull(future);
        // The callback runs on the thread that completes the future, usually a worker thread.
        // RunContinuationsAsynchronously keeps whatever waits on the task from running right there,
        // inside the pool's job.
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        future.AddDoneCallback(done =>
        {
            // The future is done, so neither Exception() nor Result() blocks here.
            if (done.Cancelled) completion.SetCanceled();
            else if (done.Exception() is { } exception) completion.SetException(exception);
            else completion.SetResult(done.Result());
        });
        return await completion.Task;
    }
}
