namespace VirtualTimeLoop;

/// <summary>What a <see cref="VirtualClock"/> asks and tells its owner about its timers (the loop implements it).</summary>
internal interface IVirtualClockListener
{
    /// <summary>True when the calling thread is the loop's own thread.</summary>
    bool IsLoopThread { get; }

    /// <summary>A timer is about to be re-armed or disarmed through <see cref="ITimer.Change"/>.</summary>
    void TimerChanging(VirtualTimer timer);

    /// <summary>A thread other than the loop's has just armed a timer (it is already on the clock).</summary>
    void TimerArmed(VirtualTimer timer);

    /// <summary>A timer was disposed.</summary>
    void TimerDisposed(VirtualTimer timer);
}
