namespace VirtualTimeLoop;

/// <summary>
/// A timer of the <see cref="VirtualClock"/>: it fires only when the loop moves time to its due time.
/// It talks only to its clock.
/// </summary>
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

    /// <inheritdoc />
    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        if (_disposed) return false;
        _clock.Change(this, dueTime, period);
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _clock.Remove(this);
    }

    /// <inheritdoc />
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
