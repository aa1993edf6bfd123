using System.Runtime.CompilerServices;

namespace VirtualTimeLoop;

/// <summary>
/// A timer of the <see cref="VirtualClock"/>: it fires only when the loop moves virtual time to its due
/// time. Like <see cref="System.Threading.Timer"/> it works in whole milliseconds, accepts due times and
/// periods from -1 ms (infinite) to 4,294,967,294 ms and throws <see cref="ArgumentOutOfRangeException"/>
/// otherwise, and treats a period of 0 or infinite as "fire once". It talks only to its clock.
/// </summary>
public sealed class VirtualTimer : ITimer
{
    /// <summary>The longest due time or period a <see cref="System.Threading.Timer"/> accepts, in milliseconds.</summary>
    internal const long MaxSupportedMilliseconds = 0xfffffffe;

    private readonly VirtualClock _clock;
    private readonly TimerCallback _callback;
    private readonly object? _state;
    private readonly ExecutionContext? _context;
    private volatile bool _disposed;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal VirtualTimer(VirtualClock clock, TimerCallback callback, object? state)
    {
        _clock = clock;
        _callback = callback;
        _state = state;
        // Like System.Threading.Timer, the callback runs in the creator's ExecutionContext (AsyncLocal).
        _context = ExecutionContext.IsFlowSuppressed() ? null : ExecutionContext.Capture();
    }

    /// <summary>True while it waits in the clock's <see cref="TimerHeap"/> to fire.</summary>
    internal bool IsArmed { get; set; }

    /// <summary>Absolute due time (UTC ticks) while armed.</summary>
    internal long DueTicks { get; set; }

    /// <summary>Arming order: timers due at the same instant fire in this order.</summary>
    internal long Sequence { get; set; }

    /// <summary>Virtual time (UTC ticks) at which it was last armed.</summary>
    internal long ArmedAtTicks { get; set; }

    /// <summary>Whole milliseconds between ticks; 0 for a timer that fires once.</summary>
    internal long PeriodMilliseconds { get; set; }

    /// <summary>True when it was last armed by the loop's own thread (not a worker or a stranger).</summary>
    internal bool ArmedOnLoop { get; set; }

    /// <summary>Its number in the run's timeline, when the run records one; else 0.</summary>
    internal int TimelineId { get; set; }

    /// <inheritdoc />
    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        var (due, every) = Validate(dueTime, period);
        if (_disposed) return false;
        _clock.Change(this, due, every);
        return true;
    }

    /// <summary>
    /// Whole milliseconds, truncated toward zero as System.Threading.Timer and FakeTimeProvider do;
    /// throws for anything below -1 ms or above <see cref="MaxSupportedMilliseconds"/>.
    /// </summary>
    internal static (long Due, long Period) Validate(TimeSpan dueTime, TimeSpan period)
    {
        var due = (long)dueTime.TotalMilliseconds;
        var every = (long)period.TotalMilliseconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(due, -1, nameof(dueTime));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(due, MaxSupportedMilliseconds, nameof(dueTime));
        ArgumentOutOfRangeException.ThrowIfLessThan(every, -1, nameof(period));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(every, MaxSupportedMilliseconds, nameof(period));
        return (due, every);
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

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
