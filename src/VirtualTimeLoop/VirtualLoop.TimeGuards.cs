namespace VirtualTimeLoop;

/// <summary>
/// The guards the loop checks each time it is about to move virtual time: a real-clock timer the
/// program created (the loop can never move real time, so such a wait would stall or race), and the
/// horizon (a program that would sleep past it is reported with the timer that would take it there).
/// </summary>
public sealed partial class VirtualLoop
{
    private long _realTimersBaseline;
    private long _realTimersAtStepStart;
    private bool _programMadeRealTimer; // a step on the loop thread ended with more real timers than it began with

    /// <summary>Real-clock timers in the process before the program starts are not the program's.</summary>
    private void TakeRealTimerBaseline() => _realTimersBaseline = Timer.ActiveCount;

    /// <summary>
    /// True (and the run failed with <see cref="LoopOutcome.RealClockWait"/>) when the process has more
    /// real-clock timers than the fewest seen since the run started. Timers other code left behind that
    /// fire or are disposed during the run lower that baseline, so they never count against the program;
    /// a real timer that is created and gone between two checks (a real 1 ms delay) may be missed.
    /// </summary>
    private bool RealClockTimerAppeared()
    {
        var active = Timer.ActiveCount;
        if (active <= _realTimersBaseline)
        {
            _realTimersBaseline = active;
            return false;
        }
        Fail(LoopOutcome.RealClockWait,
            $"a real-clock timer appeared at {VirtualTimeFormat.Seconds(Clock.Elapsed)} of virtual time " +
            $"({active - _realTimersBaseline} more active in the process than when the run started)");
        return true;
    }

    /// <summary>Checks the guards before virtual time moves to <paramref name="due"/>; false when the run has failed.</summary>
    private bool MayMoveTimeTo(long due, long armedAt)
    {
        // Only a real timer that appeared during one of the program's own steps counts here: other code
        // in the process (a test host, an earlier run's threads unwinding) may make real timers at any
        // moment, and virtual timers are still pending, so nothing is stuck. (With nothing pending at
        // all, the idle check in the pump counts any new real timer.)
        if (_options.ReportRealTimersAtOnce && _programMadeRealTimer && RealClockTimerAppeared()) return false;
        var start = Clock.Start.UtcTicks;
        if (new TimeSpan(due - start) <= _options.Horizon) return true;
        var horizon = VirtualTimeFormat.Seconds(_options.Horizon);
        var sleep = new TimeSpan(due - armedAt);
        if (sleep > _options.Horizon)
        {
            Fail(LoopOutcome.SleepPastHorizon,
                $"one timer is due at {VirtualTimeFormat.Seconds(new TimeSpan(due - start))}, past the horizon of {horizon}: " +
                $"a single sleep of {VirtualTimeFormat.Seconds(sleep)} started at {VirtualTimeFormat.Seconds(new TimeSpan(armedAt - start))}");
            return false;
        }
        Fail(LoopOutcome.HorizonReached,
            $"virtual time passed {horizon} (the next timer is due at {VirtualTimeFormat.Seconds(new TimeSpan(due - start))}, " +
            $"after {_timersFired:N0} timer(s) fired)");
        return false;
    }
}
