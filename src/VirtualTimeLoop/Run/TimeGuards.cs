namespace VirtualTimeLoop;

/// <summary>
/// The guards the loop checks each time it is about to move virtual time, and when it has nothing
/// left to do: a real-clock timer the program created (the loop can never move real time, so such a
/// wait would stall or race), and the horizon (a program that would sleep past it is reported with the
/// timer that would take it there).
/// </summary>
internal sealed class TimeGuards(LoopOptions options, VirtualClock clock, StepMeter steps, RunFailure failure, RealTimerLog realTimers)
{
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
        if (!realTimers.Any || realTimers.Evidence() is not { } what) return false;
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
        var horizon = options.Horizon;
        var sleep = new TimeSpan(due - armedAt);
        var dueAt = new TimeSpan(due - start);
        if (sleep > horizon)
        {
            failure.Fail(LoopOutcome.SleepPastHorizon, new SleepPastHorizon(dueAt, horizon, sleep, new TimeSpan(armedAt - start)));
        }
        else if (clock.OnlyPeriodicTimersArmed())
        {
            TimeSpan? since = _lastOneShotAt == long.MinValue ? null : new TimeSpan(_lastOneShotAt - start);
            failure.Fail(LoopOutcome.OnlyPeriodicTimers, new OnlyPeriodicTimersFired(since, horizon, clock.ArmedTimerCount, steps.TimersFired));
        }
        else
        {
            failure.Fail(LoopOutcome.HorizonReached, new HorizonPassed(horizon, dueAt, steps.TimersFired));
        }
        return false;
    }
}
