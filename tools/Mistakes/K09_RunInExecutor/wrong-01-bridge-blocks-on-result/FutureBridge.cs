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
        // Result() waits until the pool's job is done, then gives the value (or rethrows).
        try
        {
            return Task.FromResult(future.Result());
        }
        catch (OperationCanceledException)
        {
            return Task.FromCanceled<T>(new CancellationToken(canceled: true));
        }
#pragma warning disable CA1031 // the job's exception belongs to the task
        catch (Exception e)
#pragma warning restore CA1031
        {
            return Task.FromException<T>(e);
        }
    }
}
