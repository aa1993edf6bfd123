namespace AsyncKatas.K09_RunInExecutor;

/// <summary>The bridge from a callback-style future to a <see cref="Task{TResult}"/> (Python's <c>asyncio.wrap_future</c>).</summary>
public static class FutureBridge
{
    /// <summary>A task that ends as <paramref name="future"/> ends; returns at once and blocks no thread.</summary>
#pragma warning disable VSTHRD200 // a conversion, named like ValueTask.AsTask(): it starts nothing, so no Async suffix
    public static Task<T> ToTask<T>(this ConcurrentFuture<T> future)
#pragma warning restore VSTHRD200
    {
        ArgumentNullException.ThrowIfNull(future);
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        future.AddDoneCallback(done =>
        {
            if (done.Cancelled) completion.SetCanceled();
            else if (done.Exception() is { } exception) completion.SetException(exception);
            else completion.SetResult(done.Result());
        });
        return completion.Task;
    }
}
