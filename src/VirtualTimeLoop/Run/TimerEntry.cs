namespace VirtualTimeLoop;

/// <summary>
/// A timer's place in the clock's queue: its due time and arming sequence, copied from the timer so
/// that ordering compares the entries alone, never the timer objects scattered in memory.
/// </summary>
internal readonly record struct TimerEntry(long Due, long Sequence, VirtualTimer Timer)
{
    public TimerEntry(VirtualTimer timer) : this(timer.DueTicks, timer.Sequence, timer) { }

    /// <summary>Fires before <paramref name="other"/>: due earlier, or due at the same instant and armed first.</summary>
    public bool Before(in TimerEntry other) => Due < other.Due || (Due == other.Due && Sequence < other.Sequence);

    /// <summary>False once its timer was disarmed, or re-armed under a newer sequence.</summary>
    public bool IsLive => Timer.IsArmed && Timer.Sequence == Sequence;
}
