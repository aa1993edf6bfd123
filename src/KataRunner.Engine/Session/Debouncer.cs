namespace KataRunner.Engine.Session;

/// <summary>
/// Turns a storm of file-change signals into one run: due once no change has come for the quiet
/// period (50 ms by default: an editor's save is a burst of events a few milliseconds apart, and every
/// millisecond waited here is one the learner waits for the result). The clock is injected, so tests drive
/// it with a FakeTimeProvider.
/// </summary>
public sealed class Debouncer(TimeProvider time, TimeSpan? quiet = null)
{
    private readonly object _gate = new();
    private long? _lastChange;

    public TimeSpan Quiet { get; } = quiet ?? TimeSpan.FromMilliseconds(50);

    /// <summary>A change was seen now.</summary>
    public void Notify()
    {
        lock (_gate) _lastChange = time.GetTimestamp();
    }

    /// <summary>How long until the pending run is due (zero: now); null when nothing is pending.</summary>
    public TimeSpan? DueIn
    {
        get
        {
            lock (_gate)
            {
                if (_lastChange is not { } last) return null;
                var left = Quiet - time.GetElapsedTime(last);
                return left > TimeSpan.Zero ? left : TimeSpan.Zero;
            }
        }
    }

    /// <summary>True once per storm: when the quiet period has passed since the last change.</summary>
    public bool TryFire()
    {
        lock (_gate)
        {
            if (_lastChange is not { } last || time.GetElapsedTime(last) < Quiet) return false;
            _lastChange = null;
            return true;
        }
    }
}
