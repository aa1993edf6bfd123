namespace VirtualTimeLoop;

/// <summary>Step accounting: each callback or timer the loop runs is one step, timed and counted against the caps.</summary>
public sealed partial class VirtualLoop
{
    private long _stepRunning;   // the serial number of the step running on the loop thread, else 0
    private long _stepSerial;
    private long _steps;
    private long _stepsThisInstant;
    private long _instant;
    private long _timersFired;

    /// <summary>
    /// Each step runs under its own instance of the loop's SynchronizationContext. .NET resumes an
    /// await inline when the task completes on the very context the await captured; with a new
    /// instance per step that never happens, so every continuation is queued behind work that was
    /// already ready, as asyncio does (a finished task's waiter runs on a later turn of the loop).
    /// </summary>
    private void EnterStepContext() => SynchronizationContext.SetSynchronizationContext(new LoopSynchronizationContext(this));

    private void RunCallback(SendOrPostCallback callback, object? state)
    {
        EnterStepContext();
        BeginStep();
        try
        {
            callback(state);
        }
        catch (Exception e)
        {
            Fail(LoopOutcome.AsyncVoidThrew, "a callback posted to the loop threw", e);
        }
        finally
        {
            EndStep();
        }
    }

    private bool CountStep()
    {
        var now = Clock.GetUtcNow().UtcTicks;
        if (now != _instant) { _instant = now; _stepsThisInstant = 0; }
        if (++_steps > _options.MaxSteps)
        {
            Fail(LoopOutcome.StepLimit, $"{_options.MaxSteps:N0} steps without finishing");
            return false;
        }
        if (++_stepsThisInstant > _options.MaxStepsPerInstant)
        {
            Fail(LoopOutcome.StepLimit, $"{_options.MaxStepsPerInstant:N0} steps at {VirtualTimeFormat.Seconds(Clock.Elapsed)}");
            return false;
        }
        return true;
    }

    // A serial number, not a timestamp: reading the clock costs more than the step itself on some
    // machines; the watchdog notes when it first sees each step.
    // Each step also notes whether the process's count of real-clock timers grew while it ran: a real
    // timer made by the program's own code on the loop (see VirtualLoop.TimeGuards.cs).
    private void BeginStep()
    {
        _realTimersAtStepStart = Timer.ActiveCount;
        Volatile.Write(ref _stepRunning, ++_stepSerial);
    }

    private void EndStep()
    {
        Volatile.Write(ref _stepRunning, 0);
        if (Timer.ActiveCount > _realTimersAtStepStart) _programMadeRealTimer = true;
    }
}
