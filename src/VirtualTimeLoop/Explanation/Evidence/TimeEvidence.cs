namespace VirtualTimeLoop;

/// <summary>One timer would take virtual time past the horizon: a single sleep longer than it.</summary>
/// <param name="Due">When the timer is due, since the start.</param>
/// <param name="Horizon">The run's <see cref="LoopOptions.Horizon"/>.</param>
/// <param name="Sleep">How long the sleep is.</param>
/// <param name="StartedAt">When the sleep started, since the start.</param>
public sealed record SleepPastHorizon(TimeSpan Due, TimeSpan Horizon, TimeSpan Sleep, TimeSpan StartedAt) : LoopEvidence
{
    internal override Sentence Say() => new("Evidence.SleepPastHorizon", Time(Due), Time(Horizon), Time(Sleep), Time(StartedAt));
}

/// <summary>Up to the horizon, only periodic timers fired while the main task waited.</summary>
/// <param name="Since">Since when only periodic timers fired (the last one-shot timer); null: since the start.</param>
/// <param name="Horizon">The run's <see cref="LoopOptions.Horizon"/>.</param>
/// <param name="ArmedTimers">Timers armed at the horizon.</param>
/// <param name="TimersFired">Timers fired in the whole run.</param>
public sealed record OnlyPeriodicTimersFired(TimeSpan? Since, TimeSpan Horizon, int ArmedTimers, long TimersFired) : LoopEvidence
{
    internal override Sentence Say() => Since is { } since
        ? new("Evidence.OnlyPeriodicTimersFired", Time(since), Time(Horizon), Number(ArmedTimers), Grouped(TimersFired))
        : new("Evidence.OnlyPeriodicTimersFired.FromStart", Time(Horizon), Number(ArmedTimers), Grouped(TimersFired));
}

/// <summary>Virtual time reached the horizon with the program still running.</summary>
/// <param name="Horizon">The run's <see cref="LoopOptions.Horizon"/>.</param>
/// <param name="NextDue">When the next timer is due, since the start.</param>
/// <param name="TimersFired">Timers fired in the whole run.</param>
public sealed record HorizonPassed(TimeSpan Horizon, TimeSpan NextDue, long TimersFired) : LoopEvidence
{
    internal override Sentence Say() => new("Evidence.HorizonPassed", Time(Horizon), Time(NextDue), Grouped(TimersFired));
}

/// <summary>The run passed a cap on steps: <see cref="LoopOptions.MaxSteps"/>, or <see cref="LoopOptions.MaxStepsPerInstant"/> at one instant.</summary>
/// <param name="Steps">The cap that was passed.</param>
/// <param name="At">The virtual instant, for the cap per instant; null for the cap on the whole run.</param>
public sealed record StepCapReached(long Steps, TimeSpan? At) : LoopEvidence
{
    internal override Sentence Say() => At is { } at
        ? new("Evidence.StepCapReached.AtInstant", Grouped(Steps), Time(at))
        : new("Evidence.StepCapReached", Grouped(Steps));
}

/// <summary>The program armed a timer on the real clock.</summary>
/// <param name="Due">The first such timer's due time.</param>
/// <param name="ArmedAt">Virtual time at which it was armed.</param>
/// <param name="Count">Real-clock timers armed in all.</param>
public sealed record RealClockTimerArmed(TimeSpan Due, TimeSpan ArmedAt, int Count) : LoopEvidence
{
    /// <summary>Where the first one was created: the program's own frame, and the API it called ("Retry.cs:12 in Retry.RunAsync (through …)"); null when the stack had no frame of the program's.</summary>
    public string? Site { get; init; }

    /// <summary>True when a dependency's code (not the runtime's) armed it, called from the program's <see cref="Site"/>.</summary>
    public bool ThroughDependency { get; init; }

    internal override Sentence Say() => (Count > 1, Site) switch
    {
        (true, { } site) => new("Evidence.RealClockTimerArmed.Many.Site", Time(Due), Time(ArmedAt), Number(Count), site),
        (false, { } site) => new("Evidence.RealClockTimerArmed.Site", Time(Due), Time(ArmedAt), site),
        (true, null) => new("Evidence.RealClockTimerArmed.Many", Time(Due), Time(ArmedAt), Number(Count)),
        _ => new("Evidence.RealClockTimerArmed", Time(Due), Time(ArmedAt)),
    };
}
