namespace AsyncKatas.K09_RunInExecutor;

/// <summary>The bridge from a callback-style future to a <see cref="Task{TResult}"/> (Python's <c>asyncio.wrap_future</c>).</summary>
public static class FutureBridge
{
    /// <summary>
    /// A task that ends as <paramref name="future"/> ends: with its result, faulted with its exception,
    /// or cancelled if it was cancelled. Returns at once and blocks no thread while it waits.
    /// </summary>
    public static Task<T> ToTask<T>(this ConcurrentFuture<T> future)
    {
        throw new NotImplementedException(
            "Make a TaskCompletionSource<T> (with RunContinuationsAsynchronously), complete it from future.AddDoneCallback with the future's result, exception or cancellation, and return its Task. " +
            "/ 创建一个 TaskCompletionSource<T>（带上 RunContinuationsAsynchronously），在 future.AddDoneCallback 里用 future 的结果、异常或取消去完成它，并返回它的 Task。");
    }
}
