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

    /// <summary>"a real-clock timer of 30.0 s armed at 0.0 s of virtual time (1 in all)"; null when none.</summary>
    public string? Describe()
    {
        lock (_gate)
        {
            if (_first is not { } first) return null;
            return $"the program armed a real-clock timer of {VirtualTimeFormat.Seconds(TimeSpan.FromMilliseconds(first.DueMilliseconds))} " +
                   $"at {VirtualTimeFormat.Seconds(first.At)} of virtual time" + (_count > 1 ? $" ({_count} real timers in all)" : "");
        }
    }
}
