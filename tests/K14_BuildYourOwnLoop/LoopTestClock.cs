using AsyncKatas.K14_BuildYourOwnLoop;
using Microsoft.Extensions.Time.Testing;

namespace AsyncKatas.Tests.K14_BuildYourOwnLoop;

/// <summary>
/// The virtual clock the learner's loop drives: a <see cref="FakeTimeProvider"/> whose timers the clock
/// keeps itself, because FakeTimeProvider neither says when its next timer is due nor fires timers due
/// at the same instant in the order they were armed (it orders ties by the time they were scheduled).
/// <see cref="ILoopClock.Advance"/> fires due timers one at a time, earliest first, ties in arming
/// order, each seeing its own due time, on the calling thread.
/// </summary>
internal sealed class LoopTestClock : FakeTimeProvider, ILoopClock
{
    private readonly object _gate = new();
    private readonly List<LoopTimer> _armed = [];
    private long _nextSequence;
    private volatile bool _abandoned;
    private readonly TimeSpan _limit;
    // Said here, on the test's thread: the loop that meets them runs on a thread with a UI culture of its own.
    private readonly string _stopped;
    private readonly string _abandonedMessage;

    /// <param name="limit">Virtual time the clock never passes: far beyond the loop's Horizon, so only a loop that ignores
    /// its Horizon reaches it. The clock then stops that loop at once (<see cref="RanPastLimit"/>), in no real time.</param>
    public LoopTestClock(TimeSpan limit) : base(DateTimeOffset.UnixEpoch)
    {
        _limit = limit;
        _stopped = KataText.Format("K14.ClockStopped", limit);
        _abandonedMessage = KataText.Text("K14.ClockAbandoned");
    }

    /// <summary>The loop asked to move virtual time past the clock's limit (and was stopped there).</summary>
    public bool RanPastLimit { get; private set; }

    public TimeProvider Time => this;

    /// <summary>Virtual time since the clock was made.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    /// <summary>Timers armed right now.</summary>
    public int ArmedCount { get { lock (_gate) { return _armed.Count; } } }

    public TimeSpan? UntilNextTimer
    {
        get
        {
            ThrowIfAbandoned();
            lock (_gate)
            {
                if (_armed.Count == 0) return null;
                var wait = _armed.Min(t => t.DueAt) - GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }
    }

    void ILoopClock.Advance(TimeSpan delta)
    {
        ThrowIfAbandoned();
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        var target = GetUtcNow() + delta;
        if (target - Start > _limit)
        {
            RanPastLimit = true;
            Abandon();
            throw new OperationCanceledException(_stopped);
        }
        while (TakeNextDue(target) is { } timer)
        {
            timer.Fire();
        }
        if (target > GetUtcNow()) SetUtcNow(target);
    }

    /// <summary>
    /// Called when the loop under test did not return in time: from now on the clock throws, so a loop
    /// that keeps polling it stops instead of spinning in the background for the rest of the test run.
    /// </summary>
    public void Abandon() => _abandoned = true;

    private void ThrowIfAbandoned()
    {
        if (_abandoned) throw new OperationCanceledException(_abandonedMessage);
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new LoopTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Takes the earliest timer due at or before <paramref name="target"/> and moves the clock to its due time.</summary>
    private LoopTimer? TakeNextDue(DateTimeOffset target)
    {
        lock (_gate)
        {
            LoopTimer? next = null;
            foreach (var timer in _armed)
            {
                if (timer.DueAt <= target && (next is null || (timer.DueAt, timer.Sequence).CompareTo((next.DueAt, next.Sequence)) < 0))
                {
                    next = timer;
                }
            }
            if (next is null) return null;
            if (next.DueAt > GetUtcNow()) SetUtcNow(next.DueAt);
            if (next.Period > TimeSpan.Zero && next.Period != Timeout.InfiniteTimeSpan)
            {
                next.DueAt += next.Period;
                next.Sequence = _nextSequence++;
            }
            else
            {
                _armed.Remove(next);
            }
            return next;
        }
    }

    private void Arm(LoopTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            _armed.Remove(timer);
            if (dueTime == Timeout.InfiniteTimeSpan) return;
            timer.DueAt = GetUtcNow() + dueTime;
            timer.Period = period;
            timer.Sequence = _nextSequence++;
            _armed.Add(timer);
        }
    }

    private void Disarm(LoopTimer timer)
    {
        lock (_gate) { _armed.Remove(timer); }
    }

    private sealed class LoopTimer(LoopTestClock clock, TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        public DateTimeOffset DueAt { get; set; }
        public TimeSpan Period { get; set; }
        public long Sequence { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed) return false;
            clock.Arm(this, dueTime, period);
            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            _disposed = true;
            clock.Disarm(this);
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
