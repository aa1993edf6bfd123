namespace VirtualTimeLoop;

/// <summary>
/// What the loop hears from its clock: who armed a timer (the loop, one of its workers in a blocking
/// sleep, a shared-pool thread running the program's code, or a stranger), and when a worker's timer is released.
/// </summary>
internal sealed class TimerOwnership(RunningLoop loop, RunFailure failure, SharedPoolWork sharedPool) : IVirtualClockListener
{
    public bool IsLoopThread => loop.IsOnLoopThread;

    public void TimerChanging(VirtualTimer timer) => loop.Threads.OnTimerReleased(timer);

    public void TimerArmed(VirtualTimer timer)
    {
        if (VirtualWorker.Current is { } worker)
        {
            loop.Threads.OnWorkerArmedTimer(worker, timer);
            return;
        }
        if (loop.Scope.IsRunningOnThisPoolThread)
        {
            // A Task.Run of the program's: the loop waits for its pool thread to finish before it moves
            // time, so the timer is armed at this instant as surely as on the loop (see SharedPoolWork).
            sharedPool.NoteVirtualTimerArmed();
            return;
        }
        var thread = Thread.CurrentThread;
        failure.Fail(LoopOutcome.UnknownThread, new StrangerArmedTimer(thread.IsThreadPoolThread, thread.Name ?? "#" + thread.ManagedThreadId));
    }

    public void TimerDisposed(VirtualTimer timer) => loop.Threads.OnTimerReleased(timer);
}
