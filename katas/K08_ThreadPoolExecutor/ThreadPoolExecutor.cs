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

    /// <param name="threads">Where the jobs run (the loop's threads).</param>
    /// <param name="maxWorkers">How many jobs may run at the same time.</param>
    public ThreadPoolExecutor(TaskScheduler threads, int maxWorkers)
    {
        ArgumentNullException.ThrowIfNull(threads);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWorkers, 1);
        _threads = threads;
        MaxWorkers = maxWorkers;
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
        // Deliberately naive: every job gets a thread at once, however many are already at work.
        // Let at most MaxWorkers jobs run at a time; the others stay pending and start, in the order
        // they were submitted, as slots come free.
        var future = new Future<T>();
        future.MarkRunning();
        Track(Task.Factory.StartNew(() => future.Run(job), CancellationToken.None, TaskCreationOptions.None, _threads));
        return future;
    }

    /// <summary>Python's <c>shutdown(wait=True)</c>: completes when every job submitted so far has ended.</summary>
    public Task ShutdownAsync()
    {
        lock (_gate) { return Task.WhenAll(_jobs); }
    }

    private void Track(Task job)
    {
        lock (_gate) { _jobs.Add(job); }
    }
}
