namespace AsyncKatas.Tests.Harness;

/// <summary>A timer of the <see cref="VirtualClock"/>: it fires only when the loop moves time to its due time.</summary>
public sealed class VirtualTimer : ITimer
{
    private readonly VirtualClock _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly ExecutionContext? _context;
    private bool _disposed;

    internal VirtualTimer(VirtualClock clock, TimerCallback callback, object? state)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
        // Like System.Threading.Timer, the callback runs in the creator's ExecutionContext (AsyncLocal).
        _context = ExecutionContext.IsFlowSuppressed() ? null : ExecutionContext.Capture();
    }

    internal long Version { get; set; }
    internal long DueTicks { get; set; }
    internal TimeSpan Period { get; set; }

    /// <summary>The worker thread that armed this timer (a blocking sleep), if any, and its job number then.</summary>
    internal VirtualWorker? Owner { get; set; }
    internal long OwnerJob { get; set; }

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed) return false;
        // Queue first, then tell the loop: once a worker's turn is handed back, its timer must already
        // be on the clock (with its creation sequence), or the loop could jump past it.
        _clock.Loop.OnTimerChanging(this);
        _clock.Arm(this, dueTime, period);
        _clock.Loop.OnTimerArmed(this, dueTime);
        return true;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _clock.Disarm(this);
        _clock.Loop.OnTimerDisposed(this);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal void Fire()
    {
        if (_context is null)
        {
            _callback(_state);
        }
        else
        {
            ExecutionContext.Run(_context, static s => { var t = (VirtualTimer)s!; t._callback(t._state); }, this);
        }
    }
}
