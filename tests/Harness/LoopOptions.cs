namespace AsyncKatas.Tests.Harness;

/// <summary>Limits of one run on the virtual loop. The defaults end every learner mistake within a few seconds.</summary>
public sealed record LoopOptions
{
    public static LoopOptions Default { get; } = new();

    /// <summary>Virtual time after which the run is stopped as endless.</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Loop steps (callbacks run plus timers fired) after which the run is stopped as endless.</summary>
    public long MaxSteps { get; init; } = 2_000_000;

    /// <summary>Real time one callback on the loop thread may take before the loop counts as blocked.</summary>
    public TimeSpan LoopStepBudget { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Real time a worker thread may hold its turn without blocking on the virtual clock or ending.</summary>
    public TimeSpan WorkerTurnBudget { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Real time the loop waits, when it has nothing at all to do, for a post from a thread it does not
    /// know before it reports the main task as never completing.
    /// </summary>
    public TimeSpan IdleSettle { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Real time the whole run may take.</summary>
    public TimeSpan WallBudget { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>When false (the default) timers, jobs or async void operations left at the end fail the run.</summary>
    public bool AllowLeftovers { get; init; }
}
