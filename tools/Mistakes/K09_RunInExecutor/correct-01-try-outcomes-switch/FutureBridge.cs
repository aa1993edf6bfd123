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
            if (done.Cancelled)
            {
                completion.TrySetCanceled();
                return;
            }
            try
            {
                completion.TrySetResult(done.Result()); // done: Result() no longer blocks
            }
#pragma warning disable CA1031 // the job's exception belongs to the task
            catch (Exception e)
#pragma warning restore CA1031
            {
                completion.TrySetException(e);
            }
        });
        return completion.Task;
    }
}
