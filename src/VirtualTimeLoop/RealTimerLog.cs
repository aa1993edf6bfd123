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

    /// <summary>"a real-clock timer of 30.0 s armed at 0.0 s of virtual time, created at Retry.cs:12 in Retry.RunAsync (1 in all)"; null when none.</summary>
    public string? Describe()
    {
        lock (_gate)
        {
            if (_first is not { } first) return null;
            var where = first.Site is null ? "" : $", created at {first.Site}";
            var what = first.ThroughDependency
                ? "; a dependency armed it: where it takes a TimeProvider, give it the run's (env.Time), else turn its own timer off (an option such as AutoReplenishment = false) and drive it from a timer on the run's clock"
                : "";
            return $"the program armed a real-clock timer of {VirtualTimeFormat.Seconds(TimeSpan.FromMilliseconds(first.DueMilliseconds))} " +
                   $"at {VirtualTimeFormat.Seconds(first.At)} of virtual time{where}" + (_count > 1 ? $" ({_count} real timers in all)" : "") + what;
        }
    }
}
