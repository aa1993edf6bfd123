namespace AsyncKatas.K08_ThreadPoolExecutor;

/// <summary>
/// Python's <c>ThreadPoolExecutor(max_workers)</c> on the loop's threads: at most <see cref="MaxWorkers"/>
/// jobs at a time; the others wait their turn, in the order they were submitted.
/// </summary>
public sealed class ThreadPoolExecutor
{
    private readonly TaskScheduler _threads;
    private readonly object _gate = new();
    private readonly List<Task> _jobs = [];
    private readonly SemaphoreSlim _slots;

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

    /// <summary>Hands <paramref name="job"/> to the pool and returns at once with its future.</summary>
    public Future<T> Submit<T>(Func<T> job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var future = new Future<T>();
        var slots = new SemaphoreSlim(MaxWorkers, MaxWorkers);
        var slot = slots.WaitAsync();
        if (slot.IsCompleted)
        {
            future.MarkRunning(); // a free slot: running from this moment
        }
        Track(RunWhenFreeAsync(future, job, slot, slots));
        return future;
    }

    /// <summary>Python's <c>shutdown(wait=True)</c>: completes when every job submitted so far has ended.</summary>
    public Task ShutdownAsync()
    {
        lock (_gate) { return Task.WhenAll(_jobs); }
    }

    private async Task RunWhenFreeAsync<T>(Future<T> future, Func<T> job, Task slot, SemaphoreSlim slots)
    {
        await slot;
        try
        {
            await Task.Factory.StartNew(() => future.Run(job), CancellationToken.None, TaskCreationOptions.None, _threads);
        }
        finally
        {
            slots.Release();
        }
    }

    private void Track(Task job)
    {
        lock (_gate) { _jobs.Add(job); }
    }
}
