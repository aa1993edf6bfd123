namespace VirtualTimeLoop;

/// <summary>
/// This run's work on the process's shared thread pool (a Task.Run, a ContinueWith or a CancelAsync
/// callback of the program's): items queued and not taken yet, and pool threads running the program's
/// code now (see <see cref="RunScope"/>). Virtual time does not move while any is outstanding, so a
/// Task.Run whose work only awaits virtual timers runs as it would in production, deterministically.
/// </summary>
internal sealed class SharedPoolWork(Action wake)
{
    private int _queued;
    private int _running;
    private volatile bool _armedVirtualTimer;

    public int QueuedCount => Volatile.Read(ref _queued);

    public int RunningCount => Volatile.Read(ref _running);

    public bool IsQuiet => QueuedCount <= 0 && RunningCount <= 0;

    /// <summary>True once a pool thread running the program's code armed a timer on the virtual clock.</summary>
    public bool ArmedVirtualTimer => _armedVirtualTimer;

    public void Queued() => Interlocked.Increment(ref _queued);

    /// <summary>A pool thread took one of this run's queued items.</summary>
    public void Started()
    {
        Interlocked.Increment(ref _running);
        Interlocked.Decrement(ref _queued);
    }

    /// <summary>A pool thread began running this run's code that was not queued through the pool's events (a timer's callback, an inlined task).</summary>
    public void Entered() => Interlocked.Increment(ref _running);

    public void Left()
    {
        Interlocked.Decrement(ref _running);
        wake();
    }

    public void NoteVirtualTimerArmed() => _armedVirtualTimer = true;

    /// <summary>
    /// Items counted as queued can leave the pool without an event: a task inlined by a Wait on the
    /// thread that queued it. When none of this run's code is running and the whole pool has nothing
    /// queued, such items are gone: forgets them (true when there were some).
    /// </summary>
    public bool ForgetVanishedItems()
    {
        if (RunningCount > 0 || QueuedCount <= 0 || ThreadPool.PendingWorkItemCount > 0) return false;
        Interlocked.Exchange(ref _queued, 0);
        return true;
    }
}
