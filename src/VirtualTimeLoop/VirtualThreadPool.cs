namespace VirtualTimeLoop;

/// <summary>
/// The loop's threads for blocking work: a <see cref="TaskScheduler"/> whose jobs the loop can see.
/// Jobs start one at a time, in the order they were queued, when the loop has nothing ready; each runs
/// until it ends or blocks on the virtual clock. So threads overlap in virtual time but never race in
/// real time, and work that wakes at the same virtual instant runs in timer order.
/// A job blocked on anything else (a lock, <c>SemaphoreSlim.Wait</c>, <c>Thread.Sleep</c>) never
/// hands the turn back; the loop reports it after a real-time budget.
/// </summary>
public sealed class VirtualThreadPool : TaskScheduler
{
    private readonly Action _signal;
    private readonly Dictionary<VirtualTimer, (VirtualWorker Worker, long Job)> _sleeps = [];
    private readonly object _gate = new();
    private readonly Queue<Task> _pending = new();
    private readonly List<VirtualWorker> _workers = [];
    private readonly Stack<VirtualWorker> _idle = new();
    private VirtualWorker? _running;
    private int _threadsCreated;

    /// <param name="signal">Wakes the loop when a job is queued, blocks on the clock or ends.</param>
    internal VirtualThreadPool(Action signal) => _signal = signal;

    internal bool IsShutDown { get; private set; }

    /// <summary>Threads this pool has started so far.</summary>
    public int ThreadsCreated => _threadsCreated;

    /// <summary>Jobs queued and not started yet.</summary>
    public int PendingCount { get { lock (_gate) { return _pending.Count; } } }

    /// <summary>Jobs started and not ended yet (running or blocked on the virtual clock).</summary>
    public int ActiveCount { get { lock (_gate) { return _workers.Count(w => w.IsBusyWithJob); } } }

    /// <summary>The worker that holds the turn (running, not blocked on the clock), if any.</summary>
    internal VirtualWorker? Running { get { lock (_gate) { return _running; } } }

    internal bool IsWorkerThread(Thread thread)
    {
        lock (_gate) { return _workers.Any(w => w.Thread == thread); }
    }

    /// <inheritdoc />
    protected override void QueueTask(Task task)
    {
        lock (_gate) { _pending.Enqueue(task); }
        _signal();
    }

    // Never inline: a job runs only when the loop hands it a turn.
    /// <inheritdoc />
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    /// <inheritdoc />
    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_gate) { return _pending.ToArray(); }
    }

    internal void Execute(Task task) => TryExecuteTask(task);

    /// <summary>Starts the next queued job on a thread, if the turn is free and a job waits.</summary>
    internal bool TryStartNext()
    {
        lock (_gate)
        {
            if (_running is not null || _pending.Count == 0) return false;
            var job = _pending.Dequeue();
            var dedicated = (job.CreationOptions & TaskCreationOptions.LongRunning) != 0;
            var worker = !dedicated && _idle.Count > 0 ? _idle.Pop() : NewWorker(dedicated);
            _running = worker;
            worker.Assign(job);
            return true;
        }
    }

    private VirtualWorker NewWorker(bool dedicated)
    {
        var worker = new VirtualWorker(this, ++_threadsCreated, dedicated);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>Called on a worker thread that arms a virtual timer: it blocks on the clock, so the turn is free.</summary>
    internal void OnWorkerArmedTimer(VirtualWorker worker, VirtualTimer timer)
    {
        lock (_gate)
        {
            _sleeps[timer] = (worker, worker.JobNumber);
            worker.BlockedOnClock++;
            worker.IsRunning = false;
            if (_running == worker) _running = null;
        }
        _signal();
    }

    /// <summary>
    /// Called when a timer fires, is re-armed or is disposed. If a worker sleeps on it, the worker counts
    /// as running again from this moment, before it has even woken up, so the loop waits for it.
    /// </summary>
    internal void OnTimerReleased(VirtualTimer timer)
    {
        lock (_gate)
        {
            if (!_sleeps.Remove(timer, out var sleep)) return;
            var (worker, job) = sleep;
            if (worker.JobNumber != job || !worker.IsBusyWithJob) return;
            worker.BlockedOnClock = Math.Max(0, worker.BlockedOnClock - 1);
            if (worker.BlockedOnClock == 0)
            {
                worker.IsRunning = true;
                // Timers fire one at a time and the loop waits for the woken worker before the next,
                // so at most one worker holds the turn.
                _running ??= worker;
            }
        }
    }

    internal void OnJobEnded(VirtualWorker worker)
    {
        lock (_gate)
        {
            worker.ClearJob();
            worker.IsRunning = false;
            worker.BlockedOnClock = 0;
            if (_running == worker) _running = null;
            if (worker.IsDedicated) _workers.Remove(worker);
            else if (!IsShutDown) _idle.Push(worker);
        }
        _signal();
    }

    internal void ShutDown()
    {
        lock (_gate)
        {
            IsShutDown = true;
            foreach (var worker in _workers) worker.WakeForShutdown();
        }
    }
}
