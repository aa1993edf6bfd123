namespace AsyncKatas.K09_RunInExecutor;

/// <summary>
/// Python's <c>concurrent.futures.ThreadPoolExecutor</c> on the loop's threads, handing out
/// callback-style <see cref="ConcurrentFuture{T}"/>s. This file is given (K08 built one; this one lets
/// <see cref="ConcurrentExclusiveSchedulerPair"/> keep the count of busy workers).
/// <c>await using</c> it, like Python's <c>with</c>: disposing waits for every submitted job.
/// </summary>
public sealed class ThreadPoolExecutor : IAsyncDisposable
{
    private readonly ConcurrentExclusiveSchedulerPair _pair;
    private readonly object _gate = new();
    private readonly List<Task> _jobs = [];
    private bool _shutDown;

    /// <param name="threads">Where the jobs run (the loop's threads).</param>
    /// <param name="maxWorkers">How many jobs may run at the same time.</param>
    public ThreadPoolExecutor(TaskScheduler threads, int maxWorkers)
    {
        ArgumentNullException.ThrowIfNull(threads);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWorkers, 1);
        _pair = new ConcurrentExclusiveSchedulerPair(threads, maxWorkers);
    }

    /// <summary>Python's <c>pool.submit(job)</c>: queues the job and returns its future at once.</summary>
    public ConcurrentFuture<T> Submit<T>(Func<T> job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var future = new ConcurrentFuture<T>();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_shutDown, this);
            _jobs.Add(Task.Factory.StartNew(() => Run(future, job),
                CancellationToken.None, TaskCreationOptions.None, _pair.ConcurrentScheduler));
        }
        return future;
    }

    /// <summary>Python's <c>shutdown(wait=True)</c>: accepts no more jobs and completes when every job has ended.</summary>
    public async ValueTask DisposeAsync()
    {
        Task all;
        lock (_gate)
        {
            _shutDown = true;
            all = Task.WhenAll(_jobs);
        }
        await all;
    }

    private static void Run<T>(ConcurrentFuture<T> future, Func<T> job)
    {
        if (!future.SetRunningOrNotifyCancel()) return; // cancelled while it waited for a worker
        T result;
        try
        {
            result = job();
        }
#pragma warning disable CA1031 // the job's exception belongs to its future
        catch (Exception e)
#pragma warning restore CA1031
        {
            future.SetException(e);
            return;
        }
        future.SetResult(result);
    }
}
