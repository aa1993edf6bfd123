namespace VirtualTimeLoop;

/// <summary>
/// One thread of the <see cref="VirtualThreadPool"/>. It runs one job at a time, handed over by the
/// loop, and reports back when the job ends or when the thread blocks on the virtual clock.
/// </summary>
internal sealed class VirtualWorker
{
    [ThreadStatic] private static VirtualWorker? t_current;

    private readonly VirtualThreadPool _pool;
    private readonly SemaphoreSlim _assigned = new(0);
    private Task? _job;

    public VirtualWorker(VirtualThreadPool pool, int number, bool dedicated)
    {
        _pool = pool;
        IsDedicated = dedicated;
        Thread = new Thread(Work)
        {
            IsBackground = true,
            Name = dedicated ? $"virtual-loop dedicated thread {number}" : $"virtual-loop worker {number}",
        };
        Thread.Start();
    }

    /// <summary>The worker whose thread is running this code, if it is one.</summary>
    public static VirtualWorker? Current => t_current;

    public Thread Thread { get; }

    /// <summary>A thread started for one long-running job (<c>TaskCreationOptions.LongRunning</c>); it ends with the job.</summary>
    public bool IsDedicated { get; }

    /// <summary>Counts the jobs this worker has started; a timer armed during one job belongs to that job.</summary>
    public long JobNumber { get; private set; }

    /// <summary>Timers this worker armed during its current job that have not fired yet.</summary>
    public int BlockedOnClock { get; set; }

    /// <summary>True while the worker runs a job and is not waiting on the virtual clock.</summary>
    public bool IsRunning { get; set; }

    public bool IsBusyWithJob => _job is not null;

    public void Assign(Task job)
    {
        _job = job;
        JobNumber++;
        BlockedOnClock = 0;
        IsRunning = true;
        _assigned.Release();
    }

    private void Work()
    {
        t_current = this;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        while (!_pool.IsShutDown)
        {
            _assigned.Wait();
            var job = _job;
            if (job is null) continue; // shutdown wake-up
            _pool.Execute(job);
            _pool.OnJobEnded(this);
            if (IsDedicated) return;
        }
    }

    internal void ClearJob() => _job = null;

    internal void WakeForShutdown() => _assigned.Release();
}
