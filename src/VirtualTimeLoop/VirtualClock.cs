using Microsoft.Extensions.Time.Testing;

namespace VirtualTimeLoop;

/// <summary>
/// The loop's clock: a <see cref="FakeTimeProvider"/> whose timers belong to the loop.
/// FakeTimeProvider fires every expired timer at the target time of an Advance and keeps its timer
/// list private; the loop needs to know the next due time and to fire timers one exact due time at a
/// time, so <see cref="CreateTimer"/> returns <see cref="VirtualTimer"/>s kept in a priority queue
/// ordered by (due time, creation sequence).
/// </summary>
public sealed class VirtualClock : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly PriorityQueue<QueueEntry, (long Due, long Seq)> _queue = new();
    private readonly HashSet<VirtualTimer> _armed = [];
    private long _nextSeq;

    private readonly IVirtualClockListener _listener;

    internal VirtualClock(IVirtualClockListener listener) : base(DateTimeOffset.UnixEpoch)
    {
        _listener = listener;
    }

    /// <summary>Virtual time elapsed since the program started.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Start;

    /// <summary>How many timers are armed right now (created and neither fired, changed off nor disposed).</summary>
    public int ArmedTimerCount { get { lock (_gate) { return _armed.Count; } } }

    /// <summary>Due times (relative to the start) of the timers still armed.</summary>
    public IReadOnlyList<TimeSpan> ArmedDueTimes()
    {
        lock (_gate)
        {
            return _armed.Select(t => new TimeSpan(t.DueTicks) - new TimeSpan(Start.UtcTicks)).Order().ToList();
        }
    }

    /// <summary>Creates a timer that fires only when the loop moves virtual time to its due time.</summary>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Re-arms (or, with an infinite due time, disarms) a timer; called by the timer's Change.</summary>
    internal void Change(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        // Queue first, then tell the owner: once a worker's turn is handed back, its timer must already
        // be on the clock (with its creation sequence), or the loop could jump past it.
        _listener.TimerChanging(timer);
        Arm(timer, dueTime, period);
        _listener.TimerArmed(timer, dueTime);
    }

    /// <summary>Takes a disposed timer off the clock.</summary>
    internal void Remove(VirtualTimer timer)
    {
        Disarm(timer);
        _listener.TimerDisposed(timer);
    }

    private void Arm(VirtualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            timer.Version++;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                _armed.Remove(timer);
                return;
            }
            // The BCL timers work in whole milliseconds; so does the loop (a 0.5 ms delay is due now).
            var due = GetUtcNow().UtcTicks + TimeSpan.FromMilliseconds(Math.Floor(dueTime.TotalMilliseconds)).Ticks;
            timer.DueTicks = due;
            timer.Period = period;
            _armed.Add(timer);
            _queue.Enqueue(new QueueEntry(timer, timer.Version), (due, _nextSeq++));
        }
    }

    private void Disarm(VirtualTimer timer)
    {
        lock (_gate)
        {
            timer.Version++;
            _armed.Remove(timer);
        }
    }

    /// <summary>The due time of the next armed timer, if any.</summary>
    internal bool TryPeekNextDue(out long dueTicks)
    {
        lock (_gate)
        {
            while (_queue.TryPeek(out var entry, out var priority))
            {
                if (entry.Version == entry.Timer.Version && _armed.Contains(entry.Timer))
                {
                    dueTicks = priority.Due;
                    return true;
                }
                _queue.Dequeue(); // stale: changed or disposed since it was queued
            }
            dueTicks = 0;
            return false;
        }
    }

    /// <summary>Takes the next timer if it is due at <paramref name="dueTicks"/> exactly.</summary>
    internal VirtualTimer? TryTakeDueAt(long dueTicks)
    {
        lock (_gate)
        {
            while (_queue.TryPeek(out var entry, out var priority))
            {
                if (entry.Version != entry.Timer.Version || !_armed.Contains(entry.Timer))
                {
                    _queue.Dequeue();
                    continue;
                }
                if (priority.Due != dueTicks) return null;
                _queue.Dequeue();
                var timer = entry.Timer;
                _armed.Remove(timer);
                timer.Version++;
                if (timer.Period > TimeSpan.Zero && timer.Period != Timeout.InfiniteTimeSpan)
                {
                    // Re-armed from its own due time, not from "now" (FakeTimeProvider issue #5722).
                    timer.DueTicks = dueTicks + timer.Period.Ticks;
                    _armed.Add(timer);
                    _queue.Enqueue(new QueueEntry(timer, timer.Version), (timer.DueTicks, _nextSeq++));
                }
                return timer;
            }
            return null;
        }
    }

    /// <summary>Moves the clock forward to an absolute instant (never backwards).</summary>
    internal void MoveTo(long utcTicks)
    {
        if (utcTicks > GetUtcNow().UtcTicks)
        {
            SetUtcNow(new DateTimeOffset(utcTicks, TimeSpan.Zero));
        }
    }

    private readonly record struct QueueEntry(VirtualTimer Timer, long Version);
}
