namespace AsyncKatas.K14_BuildYourOwnLoop;

/// <summary>
/// The clock an <see cref="EventLoop"/> drives. Programs sleep on <see cref="Time"/>
/// (<c>await Task.Delay(delay, clock.Time)</c>); the loop asks how long it is until the next timer and
/// moves time on when it has nothing else to run. The tests give the loop a virtual clock, so five
/// seconds of sleeping take no real time at all.
/// </summary>
public interface ILoopClock
{
    /// <summary>The clock programs sleep on.</summary>
    TimeProvider Time { get; }

    /// <summary>
    /// How long until the next armed timer is due (<see cref="TimeSpan.Zero"/> if one is due now), or
    /// null when no timer is armed at all.
    /// </summary>
    TimeSpan? UntilNextTimer { get; }

    /// <summary>
    /// Moves time forward by <paramref name="delta"/>. Timers that fall due fire on the calling thread,
    /// earliest first, before this method returns.
    /// </summary>
    void Advance(TimeSpan delta);
}
