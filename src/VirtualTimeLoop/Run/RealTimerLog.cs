namespace VirtualTimeLoop;

/// <summary>Real-clock timers this run's code armed (see <see cref="RunScope"/>): a wait the loop can never move.</summary>
internal sealed class RealTimerLog
{
    private readonly Lock _gate = new();
    private (int DueMilliseconds, TimeSpan At)? _first;
    private int _count;

    public bool Any => Volatile.Read(ref _count) > 0;

    public void Armed(int dueMilliseconds, TimeSpan at)
    {
        lock (_gate)
        {
            _first ??= (dueMilliseconds, at);
            _count++;
        }
    }

    /// <summary>The first real-clock timer, when it was armed, and how many in all; null when none.</summary>
    public RealClockTimerArmed? Evidence()
    {
        lock (_gate)
        {
            return _first is { } first ? new RealClockTimerArmed(TimeSpan.FromMilliseconds(first.DueMilliseconds), first.At, _count) : null;
        }
    }
}
