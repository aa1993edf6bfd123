namespace VirtualTimeLoop;

/// <summary>
/// The guards the loop checks each time it is about to move virtual time, and when it has nothing
/// left to do: a real-clock timer the program created (the loop can never move real time, so such a
/// wait would stall or race), and the horizon (a program that would sleep past it is reported with the
/// timer that would take it there).
/// </summary>
internal sealed class TimeGuards(LoopOptions options, VirtualClock clock, StepMeter steps, RunFailure failure, RealTimerLog realTimers)
{
    /// <summary>Starts the <see cref="LoopOutcome.SleepPastHorizon"/> detail.</summary>
    internal const string SingleSleepPastHorizon = "one timer is due at ";

    private long _lastOneShotAt = long.MinValue;

    /// <summary>Notes the virtual instant a timer fired at: the horizon's report says since when only periodic timers ticked.</summary>
    public void TimerFired(VirtualTimer timer, long due)
    {
        if (timer.PeriodMilliseconds == 0) _lastOneShotAt = due;
    }

    /// <summary>
    /// True (and the run failed with <see cref="LoopOutcome.RealClockWait"/>) when the program's own code
    /// armed a real-clock timer (see <see cref="RunScope"/>): real timers of other code in the process never count.
    /// </summary>
    public bool RealClockTimerArmed()
    {
        if (!realTimers.Any || realTimers.Describe() is not { } what) return false;
        failure.Fail(LoopOutcome.RealClockWait, what);
        return true;
    }

    /// <summary>Checks the guards before virtual time moves to <paramref name="due"/>; false when the run has failed.</summary>
    public bool MayMoveTimeTo(long due, long armedAt)
    {
        // A real timer of the program's would race the virtual ones, and the virtual side would win
        // every race: a result real .NET would not give.
        if (options.ReportRealTimersAtOnce && RealClockTimerArmed()) return false;
        var start = clock.Start.UtcTicks;
        if (new TimeSpan(due - start) <= options.Horizon) return true;
        var horizon = VirtualTimeFormat.Seconds(options.Horizon);
        var sleep = new TimeSpan(due - armedAt);
        var dueAt = VirtualTimeFormat.Seconds(new TimeSpan(due - start));
        if (sleep > options.Horizon)
        {
            failure.Fail(LoopOutcome.SleepPastHorizon, $"{SingleSleepPastHorizon}{dueAt}, past the horizon of {horizon}: " +
                $"a single sleep of {VirtualTimeFormat.Seconds(sleep)} started at {VirtualTimeFormat.Seconds(new TimeSpan(armedAt - start))}");
        }
        else if (clock.OnlyPeriodicTimersArmed())
        {
            var since = _lastOneShotAt == long.MinValue ? "the start" : VirtualTimeFormat.Seconds(new TimeSpan(_lastOneShotAt - start));
            failure.Fail(LoopOutcome.OnlyPeriodicTimers, $"from {since} to the horizon of {horizon} only periodic timers fired " +
                $"({clock.ArmedTimerCount} armed, {steps.TimersFired:N0} timer(s) fired in all), and the main task is still waiting");
        }
        else
        {
            failure.Fail(LoopOutcome.HorizonReached, $"virtual time passed {horizon} (the next timer is due at {dueAt}, after {steps.TimersFired:N0} timer(s) fired)");
        }
        return false;
    }
}
