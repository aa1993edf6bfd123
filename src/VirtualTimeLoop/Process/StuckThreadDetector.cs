using System.Diagnostics;

namespace VirtualTimeLoop;

/// <summary>
/// Tells a stuck thread from a slow one. A thread that sits in a wait (<c>.Result</c>, <c>.Wait()</c>,
/// <c>Thread.Sleep</c>, a lock) for <see cref="LoopOptions.WaitBudget"/> without a break is stuck; a
/// thread that keeps running gets the longer <see cref="LoopOptions.BusyBudget"/>, so a legitimately
/// heavy step on a loaded machine is not mistaken for a hang. A wait that nothing of the run can end
/// (<see cref="LoopOptions.DeadlockBudget"/>) is stuck sooner.
/// </summary>
internal sealed class StuckThreadDetector(LoopOptions options)
{
    private long _watched;      // identifies the step or turn being watched
    private long _waitingSince; // Stopwatch timestamp of the first sample in an unbroken wait, else 0
    private long _aloneSince;   // the same, for an unbroken wait with nothing else of the run able to run

    /// <param name="thread">The thread watched: the loop thread in a step, or the worker holding the turn.</param>
    /// <param name="watched">The step or turn it is in (a new one starts the watch again).</param>
    /// <param name="startedAt">When that step or turn started (Stopwatch timestamp).</param>
    /// <param name="nothingElseCanRun">No other thread of the run can run now (see <see cref="LoopOptions.DeadlockBudget"/>).</param>
    /// <returns>Null while the thread may still be making progress; else how it is stuck.</returns>
    public ThreadStall? Check(Thread thread, long watched, long startedAt, bool nothingElseCanRun)
    {
        var now = Stopwatch.GetTimestamp();
        if (watched != _watched)
        {
            _watched = watched;
            _waitingSince = 0;
            _aloneSince = 0;
        }
        var waiting = (thread.ThreadState & System.Threading.ThreadState.WaitSleepJoin) != 0;
        if (!waiting) _waitingSince = 0;
        else if (_waitingSince == 0) _waitingSince = now;
        if (!waiting || !nothingElseCanRun) _aloneSince = 0;
        else if (_aloneSince == 0) _aloneSince = now;

        if (_waitingSince != 0 && Stopwatch.GetElapsedTime(_waitingSince, now) > options.WaitBudget) return ThreadStall.BlockedInWait;
        if (_aloneSince != 0 && Stopwatch.GetElapsedTime(_aloneSince, now) > options.DeadlockBudget) return ThreadStall.BlockedInWait;
        if (Stopwatch.GetElapsedTime(startedAt, now) > options.BusyBudget) return ThreadStall.BusyWithoutYielding;
        return null;
    }
}
