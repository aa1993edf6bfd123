using System.Runtime.CompilerServices;
using System.Globalization;

namespace VirtualTimeLoop;

/// <summary>
/// The loop's clock: a <see cref="TimeProvider"/> whose time moves only when its loop moves it, to the
/// exact due time of the next timer. Everything code can do through a TimeProvider behaves as on
/// <see cref="TimeProvider.System"/> and FakeTimeProvider: timers in whole milliseconds with the same
/// argument checks, timestamps at 10,000,000 per second, a UTC local time zone.
/// <para>
/// It derives from <see cref="TimeProvider"/>, not from FakeTimeProvider: FakeTimeProvider's
/// <c>Advance</c>, <c>SetUtcNow</c>, <c>AdjustTime</c> and <c>AutoAdvanceAmount</c> are not virtual, so
/// code under test could move time behind the loop's back without firing its timers. Here nothing but
/// the loop can move time.
/// </para>
/// Timers live in a queue (<see cref="TimerHeap"/>) ordered by (due time, arming sequence); same-instant
/// timers fire in the order they were armed, each seeing its own due time.
/// </summary>
public sealed class VirtualClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly TimerHeap _timers = new();
    private readonly IVirtualClockListener _listener;
    private long _now;
    private long _nextSequence;
    private bool _closed;

    /// <summary>Records each timer armed when the run records its timeline; else null.</summary>
    internal TimelineRecorder? Recorder { get; set; }

    internal VirtualClock(IVirtualClockListener listener) : this(listener, DateTimeOffset.UnixEpoch, TimeZoneInfo.Utc) { }

    internal VirtualClock(IVirtualClockListener listener, DateTimeOffset start, TimeZoneInfo localTimeZone)
    {
        ArgumentNullException.ThrowIfNull(localTimeZone);
        _listener = listener;
        Start = start.ToUniversalTime();
        LocalTimeZone = localTimeZone;
        _now = Start.UtcTicks;
    }

    /// <summary>The instant the clock starts at (<see cref="LoopOptions.StartTime"/>, UTC).</summary>
    public DateTimeOffset Start { get; }

    /// <summary>Virtual time elapsed since the program started.</summary>
    public TimeSpan Elapsed => new(Volatile.Read(ref _now) - Start.UtcTicks);

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Volatile.Read(ref _now), TimeSpan.Zero);

    /// <summary>The virtual time in ticks: <see cref="TimestampFrequency"/> is <see cref="TimeSpan.TicksPerSecond"/>, as on FakeTimeProvider.</summary>
    public override long GetTimestamp() => Volatile.Read(ref _now);

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary><see cref="LoopOptions.LocalTimeZone"/>: UTC unless the run's options say otherwise, so a run never depends on the machine's time zone.</summary>
    public override TimeZoneInfo LocalTimeZone { get; }

    /// <summary>The current virtual time, as FakeTimeProvider writes it ("1970-01-01T00:00:01.500").</summary>
    public override string ToString() => GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture);

    /// <summary>How many timers are armed right now (created and neither fired, changed off nor disposed).</summary>
    public int ArmedTimerCount { get { lock (_gate) { return _timers.Count; } } }

    /// <summary>True when timers are armed and every one of them is periodic.</summary>
    internal bool OnlyPeriodicTimersArmed()
    {
        lock (_gate) { return _timers.Count > 0 && _timers.Armed().All(t => t.PeriodMilliseconds > 0); }
    }

    /// <summary>Due times (relative to the start) of the timers still armed, earliest first.</summary>
    public IReadOnlyList<TimeSpan> ArmedDueTimes()
    {
        lock (_gate)
        {
            var due = _timers.Armed().Select(t => new TimeSpan(t.DueTicks - Start.UtcTicks)).ToList();
            due.Sort();
            return due;
        }
    }

    /// <summary>
    /// Creates a timer that fires only when the loop moves virtual time to its due time. A due time
    /// of 0 fires at the current instant, once the loop has run what is already ready (as a real timer
    /// fires on another thread, not inside this call).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A due time or period below -1 ms or above 4,294,967,294 ms.</exception>
    /// <exception cref="InvalidOperationException">The loop that owns this clock has ended.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var (due, every) = VirtualTimer.Validate(dueTime, period);
        var timer = new VirtualTimer(this, callback, state);
        Change(timer, due, every);
        return timer;
    }

    /// <summary>Re-arms (or, with a due time of -1, disarms) a timer; called by the timer's Change.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Change(VirtualTimer timer, long dueMilliseconds, long periodMilliseconds)
    {
        // Queue first, then tell the owner: once a worker's turn is handed back, its timer must already
        // be on the clock (with its sequence), or the loop could jump past it.
        _listener.TimerChanging(timer);
        var onLoop = _listener.IsLoopThread;
        lock (_gate)
        {
            _timers.Remove(timer);
            if (dueMilliseconds == Timeout.Infinite) return;
            if (_closed) throw Ended();
            timer.ArmedOnLoop = onLoop;
            timer.ArmedAtTicks = _now;
            timer.DueTicks = _now + dueMilliseconds * TimeSpan.TicksPerMillisecond;
            timer.PeriodMilliseconds = periodMilliseconds == Timeout.Infinite ? 0 : periodMilliseconds;
            timer.Sequence = _nextSequence++;
            _timers.Add(timer);
        }
        Recorder?.Armed(timer, dueMilliseconds, periodMilliseconds);
        if (!onLoop) _listener.TimerArmed(timer);
    }

    /// <summary>Takes a disposed timer off the clock.</summary>
    internal void Remove(VirtualTimer timer)
    {
        lock (_gate) { _timers.Remove(timer); }
        _listener.TimerDisposed(timer);
    }

    /// <summary>The next armed timer's due time and the instant it was armed at (UTC ticks), if any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal bool TryPeekNext(out long dueTicks, out long armedAtTicks)
    {
        lock (_gate)
        {
            var next = _timers.Peek();
            dueTicks = next?.DueTicks ?? 0;
            armedAtTicks = next?.ArmedAtTicks ?? 0;
            return next is not null;
        }
    }

    /// <summary>Takes the next timer if it is due at <paramref name="dueTicks"/> exactly; a periodic one is re-armed from its own due time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal VirtualTimer? TryTakeDueAt(long dueTicks)
    {
        lock (_gate)
        {
            var timer = _timers.Peek();
            if (timer is null || timer.DueTicks != dueTicks) return null;
            _timers.RemoveFirst();
            if (timer.PeriodMilliseconds > 0)
            {
                // Re-armed from its own due time, not from "now" (FakeTimeProvider issue #5722).
                timer.ArmedAtTicks = dueTicks;
                timer.DueTicks = dueTicks + timer.PeriodMilliseconds * TimeSpan.TicksPerMillisecond;
                timer.Sequence = _nextSequence++;
                _timers.Add(timer);
            }
            return timer;
        }
    }

    /// <summary>Moves the clock forward to an absolute instant (never backwards).</summary>
    internal void MoveTo(long utcTicks)
    {
        if (utcTicks > Volatile.Read(ref _now)) Volatile.Write(ref _now, utcTicks);
    }

    /// <summary>
    /// The loop has ended: from now on arming a timer throws, so code still running on other threads
    /// unwinds instead of waiting for ever. Returns the timers that threads other than the loop armed
    /// (they may be blocked on them), taken off the clock, in due order, for the loop to release.
    /// </summary>
    internal List<VirtualTimer> Close()
    {
        lock (_gate)
        {
            _closed = true;
            var strangers = _timers.Armed().Where(t => !t.ArmedOnLoop).ToList();
            foreach (var timer in strangers) _timers.Remove(timer);
            strangers.Sort((a, b) => a.DueTicks != b.DueTicks ? a.DueTicks.CompareTo(b.DueTicks) : a.Sequence.CompareTo(b.Sequence));
            return strangers;
        }
    }

    private static InvalidOperationException Ended() => new(
        "The virtual loop that owns this clock has ended: its timers never fire. " +
        "Code still running after the end of a run (on the shared thread pool or a worker) cannot sleep on its clock.");
}
