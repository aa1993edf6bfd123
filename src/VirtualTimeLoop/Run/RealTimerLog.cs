using System.Diagnostics;

namespace VirtualTimeLoop;

/// <summary>Real-clock timers this run's code armed (see <see cref="RunScope"/>): a wait the loop can never move. The first one's creation site is kept.</summary>
internal sealed class RealTimerLog
{
    private readonly Lock _gate = new();
    private (int DueMilliseconds, TimeSpan At, string? Site, bool ThroughDependency)? _first;
    private int _count;

    public bool Any => Volatile.Read(ref _count) > 0;

    /// <summary>Called on the thread that armed the timer, inside the runtime's call: the stack says where.</summary>
    public void Armed(int dueMilliseconds, TimeSpan at)
    {
        var first = Volatile.Read(ref _count) == 0;
        var trace = first ? new StackTrace(1, fNeedFileInfo: true) : null;
        lock (_gate)
        {
            _first ??= (dueMilliseconds, at, trace is null ? null : CallSites.FirstOutsideRuntime(trace), trace is not null && CallSites.ThroughDependency(trace));
            _count++;
        }
    }

    /// <summary>The first real-clock timer, when it was armed, and how many in all; null when none.</summary>
    public RealClockTimerArmed? Evidence()
    {
        lock (_gate)
        {
            return _first is { } first
                ? new RealClockTimerArmed(TimeSpan.FromMilliseconds(first.DueMilliseconds), first.At, _count) { Site = first.Site, ThroughDependency = first.ThroughDependency }
                : null;
        }
    }
}
