namespace VirtualTimeLoop;

/// <summary>
/// The shared-pool watch: work on the process's thread pool that the loop cannot see (a Task.Run the
/// program awaits, a CancelAsync callback) must settle before virtual time moves.
/// </summary>
public sealed partial class VirtualLoop
{
    private int _poolBaseline = int.MaxValue;
    private long _pendingBaseline = long.MaxValue;

    /// <summary>Whatever the shared pool is doing before the program starts is not the program's.</summary>
    private void TakeSharedPoolBaseline()
    {
        _poolBaseline = BusyPoolThreads();
        _pendingBaseline = ThreadPool.PendingWorkItemCount;
    }

    /// <summary>
    /// True when the process's shared thread pool has no more work queued and no more threads at work
    /// than the least the loop has seen. Work stranded for good (threads blocked on the clock of an
    /// earlier run that failed, and the items queued behind them) stays in that baseline.
    /// </summary>
    private bool SharedPoolIsQuiet()
    {
        var pending = ThreadPool.PendingWorkItemCount;
        var busy = BusyPoolThreads();
        var quiet = pending <= _pendingBaseline && busy <= _poolBaseline;
        _pendingBaseline = Math.Min(_pendingBaseline, pending);
        _poolBaseline = Math.Min(_poolBaseline, busy);
        return quiet;
    }

    private static int BusyPoolThreads()
    {
        ThreadPool.GetMaxThreads(out var max, out _);
        ThreadPool.GetAvailableThreads(out var available, out _);
        return max - available;
    }
}
