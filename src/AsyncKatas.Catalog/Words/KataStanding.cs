namespace AsyncKatas.Catalog.Words;

/// <summary>Where a kata stands, as both faces (the watch runner and the `dotnet test` summary) name and draw it.</summary>
public enum KataStanding
{
    /// <summary>Not run yet in this session (the runner only).</summary>
    NotRun,
    /// <summary>Its tests ran and none passes, and nothing was written yet: its files are as shipped, or every test failed on a stub.</summary>
    NotStarted,
    /// <summary>Its tests ran and none passes, and code was written in it.</summary>
    Failing,
    /// <summary>Some of its tests pass, not all.</summary>
    InProgress,
    /// <summary>Every test passes.</summary>
    Solved,
    /// <summary>Its code does not compile (the runner only: `dotnet test` cannot run anything then).</summary>
    DoesNotCompile,
    /// <summary>The tests could not run at all (the runner only).</summary>
    CannotRun,
}

/// <summary>
/// A kata's tests that ran: how many pass and fail, how many of those failed on a stub not written yet (the kata
/// layer's <see cref="FailureKind.NotStarted"/>), and whether its files are as shipped (<see cref="ShippedStubs"/>;
/// a stub may ship with given code that fails a test on purpose). The one rule for solved, in progress, failing
/// and not started, for both faces.
/// </summary>
public readonly record struct KataCount(int Passed, int Failed, int OnStubs = 0, bool Untouched = false)
{
    public int Total => Passed + Failed;

    public KataStanding Standing => Total == 0 ? KataStanding.NotRun
        : Failed == 0 ? KataStanding.Solved
        : Passed > 0 ? KataStanding.InProgress
        : Untouched || OnStubs == Failed ? KataStanding.NotStarted
        : KataStanding.Failing;
}
