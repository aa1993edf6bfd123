namespace VirtualTimeLoop;

/// <summary>What a <see cref="VirtualClock"/> tells its owner about its timers (the loop implements it).</summary>
internal interface IVirtualClockListener
{
    /// <summary>A timer is about to be re-armed or disarmed through <see cref="ITimer.Change"/>.</summary>
    void TimerChanging(VirtualTimer timer);

    /// <summary>A timer has been queued (or disarmed, with an infinite due time) on the calling thread.</summary>
    void TimerArmed(VirtualTimer timer, TimeSpan dueTime);

    /// <summary>A timer was disposed.</summary>
    void TimerDisposed(VirtualTimer timer);
}
