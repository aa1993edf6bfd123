namespace AsyncKatas.K08_ThreadPoolExecutor;

/// <summary>
/// Python's <c>ThreadPoolExecutor(max_workers)</c> on the loop's threads: runs blocking jobs on
/// <c>threads</c>, at most <see cref="MaxWorkers"/> at a time; the others wait their turn, in the order
/// they were submitted.
/// </summary>
public sealed class ThreadPoolExecutor
{
    private readonly TaskScheduler _threads;
    private readonly object _gate = new();
    private readonly List<Task> _jobs = [];
    // One count per worker slot. Waiting for a slot is asynchronous (WaitAsync), so no thread is ever
    // parked on the semaphore: a pending job is only a continuation in a queue.
    private readonly SemaphoreSlim _slots;

    /// <param name="threads">Where the jobs run (the loop's threads).</param>
    /// <param name="maxWorkers">How many jobs may run at the same time.</param>
    public ThreadPoolExecutor(TaskScheduler threads, int maxWorkers)
    {
        ArgumentNullException.ThrowIfNull(threads);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWorkers, 1);
        _threads = threads;
        MaxWorkers = maxWorkers;
        _slots = new SemaphoreSlim(maxWorkers, maxWorkers);
    }

    /// <summary>How many jobs may run at the same time.</summary>
    public int MaxWorkers { get; }

    /// <summary>
    /// Hands <paramref name="job"/> to the pool and returns at once with its future: running if a worker
    /// slot was free, pending otherwise (it starts when a running job ends).
    /// </summary>
    public Future<T> Submit<T>(Func<T> job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var future = new Future<T>();
        var slot = _slots.WaitAsync();
        // WaitAsync completes synchronously when a slot is free: the job holds it from this moment on.
        if (slot.IsCompleted) future.MarkRunning();
        Track(RunWhenASlotIsFreeAsync(slot, future, job));
        return future;
    }

    /// <summary>Python's <c>shutdown(wait=True)</c>: completes when every job submitted so far has ended.</summary>
    public Task ShutdownAsync()
    {
        lock (_gate) { return Task.WhenAll(_jobs); }
    }

    private async Task RunWhenASlotIsFreeAsync<T>(Task slot, Future<T> future, Func<T> job)
    {
        await slot;
        try
        {
            await Task.Factory.StartNew(() => future.Run(job), CancellationToken.None, TaskCreationOptions.None, _threads);
        }
        finally
        {
            _slots.Release();
        }
    }

    private void Track(Task job)
    {
        lock (_gate) { _jobs.Add(job); }
    }
}
