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
    private readonly Queue<Action> _waiting = new();
    private int _busy;

    public ThreadPoolExecutor(TaskScheduler threads, int maxWorkers)
    {
        ArgumentNullException.ThrowIfNull(threads);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWorkers, 1);
        _threads = threads;
        MaxWorkers = maxWorkers;
    }

    /// <summary>How many jobs may run at the same time.</summary>
    public int MaxWorkers { get; }

    /// <summary>Hands <paramref name="job"/> to the pool and returns at once with its future.</summary>
    public Future<T> Submit<T>(Func<T> job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var future = new Future<T>();
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Track(ended.Task);

        void Start()
        {
            future.MarkRunning();
            _ = RunJobAsync(future, job, ended);
        }

        bool now;
        lock (_gate)
        {
            now = _busy < MaxWorkers;
            if (now) _busy++;
            else _waiting.Enqueue(Start);
        }
        if (now) Start();
        return future;
    }

    /// <summary>Python's <c>shutdown(wait=True)</c>: completes when every job submitted so far has ended.</summary>
    public Task ShutdownAsync()
    {
        lock (_gate) { return Task.WhenAll(_jobs); }
    }

    private async Task RunJobAsync<T>(Future<T> future, Func<T> job, TaskCompletionSource ended)
    {
        try
        {
            await Task.Factory.StartNew(() => future.Run(job), CancellationToken.None, TaskCreationOptions.None, _threads);
        }
        finally
        {
            ended.SetResult();
            Action? next;
            lock (_gate)
            {
                if (!_waiting.TryDequeue(out next)) _busy--;
            }
            next?.Invoke();
        }
    }

    private void Track(Task job)
    {
        lock (_gate) { _jobs.Add(job); }
    }
}
