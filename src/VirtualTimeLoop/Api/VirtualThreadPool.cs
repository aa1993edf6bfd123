namespace VirtualTimeLoop;

/// <summary>
/// The loop's threads for blocking work: a <see cref="TaskScheduler"/> whose jobs the loop can see.
/// Jobs start one at a time, in the order they were queued, when the loop has nothing ready; each runs
/// until it ends or blocks on the virtual clock. So threads overlap in virtual time but never race in
/// real time, and work that wakes at the same virtual instant runs in timer order.
/// A job blocked on anything else (a lock, <c>SemaphoreSlim.Wait</c>, <c>Thread.Sleep</c>) never
/// hands the turn back; the loop reports it after a real-time budget.
/// It starts a thread only when every thread it has is busy with a job, and at most
/// <see cref="LoopOptions.MaxThreads"/> at once: a program that blocks more jobs than that at the same
/// time is missing a bound, and the loop says so.
/// </summary>
public sealed class VirtualThreadPool : TaskScheduler
{
    private readonly Action _signal;
    private readonly int _maxThreads;
    private readonly Dictionary<VirtualTimer, (VirtualWorker Worker, long Job)> _sleeps = [];
    private readonly Lock _gate = new();
    private readonly Queue<Task> _pending = new();
    private readonly List<VirtualWorker> _workers = [];
    private readonly Stack<VirtualWorker> _idle = new();
    private volatile VirtualWorker? _running;
    private volatile int _pendingCount;
    private volatile int _sleepCount;
    private int _threadsCreated;

    /// <param name="signal">Wakes the loop when a job is queued, blocks on the clock or ends.</param>
    /// <param name="maxThreads">The most threads the pool keeps at once (<see cref="LoopOptions.MaxThreads"/>).</param>
    internal VirtualThreadPool(Action signal, int maxThreads = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxThreads, 1);
        _signal = signal;
        _maxThreads = maxThreads;
    }

    internal bool IsShutDown { get; private set; }

    /// <summary>Threads this pool has started so far.</summary>
    public int ThreadsCreated => _threadsCreated;

    /// <summary>Jobs queued and not started yet.</summary>
    public int PendingCount { get { lock (_gate) { return _pending.Count; } } }

    /// <summary>Jobs started and not ended yet (running or blocked on the virtual clock).</summary>
    public int ActiveCount { get { lock (_gate) { return _workers.Count(w => w.IsBusyWithJob); } } }

    /// <summary>The most threads the pool keeps at once.</summary>
    public int MaxThreads => _maxThreads;

    /// <summary>
    /// <see cref="MaxThreads"/>: how many jobs this pool can have started at once. Never the machine's processor
    /// count: <c>Parallel.ForEachAsync</c> and <c>Parallel.For</c> without a <c>MaxDegreeOfParallelism</c> take this
    /// as their degree on this scheduler, so a program's behaviour is the same on every machine.
    /// </summary>
    public override int MaximumConcurrencyLevel => _maxThreads;

    /// <summary>The worker that holds the turn (running, not blocked on the clock), if any.</summary>
    internal VirtualWorker? Running => _running;

    /// <inheritdoc />
    protected override void QueueTask(Task task)
    {
        lock (_gate)
        {
            _pending.Enqueue(task);
            _pendingCount = _pending.Count;
        }
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

    /// <summary>
    /// Starts the next queued job on a thread, if the turn is free and a job waits. False with
    /// <paramref name="atCap"/> set when the job needs a new thread and the pool already has
    /// <see cref="MaxThreads"/>, all of them busy with jobs blocked on the virtual clock.
    /// </summary>
    internal bool TryStartNext(out bool atCap)
    {
        atCap = false;
        if (_pendingCount == 0 || _running is not null) return false;
        lock (_gate)
        {
            if (_running is not null || _pending.Count == 0) return false;
            var dedicated = (_pending.Peek().CreationOptions & TaskCreationOptions.LongRunning) != 0;
            if ((dedicated || _idle.Count == 0) && _workers.Count >= _maxThreads)
            {
                atCap = true;
                return false;
            }
            var job = _pending.Dequeue();
            _pendingCount = _pending.Count;
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
            _sleepCount = _sleeps.Count;
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
        if (_sleepCount == 0) return; // no worker sleeps on the clock: the loop's own timers need no lock here
        lock (_gate)
        {
            if (!_sleeps.Remove(timer, out var sleep)) return;
            _sleepCount = _sleeps.Count;
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
