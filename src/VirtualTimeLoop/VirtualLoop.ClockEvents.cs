namespace VirtualTimeLoop;

/// <summary>
/// What the loop hears from its clock: who armed a timer (the loop, one of its workers in a blocking
/// sleep, or a stranger), and when a worker's timer is released.
/// </summary>
public sealed partial class VirtualLoop : IVirtualClockListener
{
    bool IVirtualClockListener.IsLoopThread => IsOnLoopThread;

    void IVirtualClockListener.TimerChanging(VirtualTimer timer) => Threads.OnTimerReleased(timer);

    void IVirtualClockListener.TimerArmed(VirtualTimer timer)
    {
        if (VirtualWorker.Current is { } worker)
        {
            Threads.OnWorkerArmedTimer(worker, timer);
            return;
        }
        var thread = Thread.CurrentThread;
        var name = thread.IsThreadPoolThread ? "a shared thread-pool thread" : $"thread '{thread.Name ?? "#" + thread.ManagedThreadId}' (new Thread?)";
        Fail(LoopOutcome.UnknownThread, $"{name} armed a timer on the virtual clock");
    }

    void IVirtualClockListener.TimerDisposed(VirtualTimer timer) => Threads.OnTimerReleased(timer);
}
