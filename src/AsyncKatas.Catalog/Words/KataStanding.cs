namespace AsyncKatas.Catalog.Words;

/// <summary>Where a kata stands, as both faces (the watch runner and the `dotnet test` summary) name and draw it.</summary>
public enum KataStanding
{
    /// <summary>Not run yet in this session (the runner only).</summary>
    NotRun,
    /// <summary>Its tests ran and none passes: the shipped stub, or code whose first test has not passed yet.</summary>
    NotStarted,
    /// <summary>Its tests ran and none passes, and code was written in it (the runner only: it compares the files with the shipped stubs).</summary>
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

/// <summary>A kata's tests that ran: how many pass and fail. The one rule for solved, in progress and not started.</summary>
public readonly record struct KataCount(int Passed, int Failed)
{
    public int Total => Passed + Failed;

    public KataStanding Standing => Total == 0 ? KataStanding.NotRun
        : Failed == 0 ? KataStanding.Solved
        : Passed == 0 ? KataStanding.NotStarted
        : KataStanding.InProgress;
}
