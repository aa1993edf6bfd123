using System.Runtime.CompilerServices;

namespace VirtualTimeLoop;

/// <summary>
/// Step accounting: each callback or timer the loop runs is one step, counted against the caps, and
/// the step running now is published (as a serial number) for the watchdog to time.
/// </summary>
internal sealed class StepMeter(LoopOptions options)
{
    private long _running; // the serial number of the step running on the loop thread, else 0
    private long _serial;
    private long _steps;
    private long _stepsThisInstant;
    private long _instant;
    private long _timersFired;

    /// <summary>Callbacks run plus timers fired.</summary>
    public long Steps => _steps;

    public long TimersFired => _timersFired;

    /// <summary>The step running on the loop thread (a serial number), or 0 between steps.</summary>
    public long Running => Volatile.Read(ref _running);

    /// <summary>Counts one step at virtual instant <paramref name="now"/>; the cap passed, if one is, else null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public StepCapReached? Count(long now, TimeSpan elapsed)
    {
        if (now != _instant) { _instant = now; _stepsThisInstant = 0; }
        if (++_steps > options.MaxSteps) return new StepCapReached(options.MaxSteps, null);
        if (++_stepsThisInstant > options.MaxStepsPerInstant) return new StepCapReached(options.MaxStepsPerInstant, elapsed);
        return null;
    }

    public void TimerFired() => _timersFired++;

    // A serial number, not a timestamp: the watchdog notes when it first sees each step.
    public void Begin() => Volatile.Write(ref _running, ++_serial);

    public void End() => Volatile.Write(ref _running, 0);
}
