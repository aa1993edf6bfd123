using AsyncKatas.Catalog;
using AsyncKatas.Catalog.Words;
using KataRunner.Engine.Running;

namespace KataRunner.Engine.Session;

/// <summary>
/// Where one kata stands, from its own last run: the verdict and how many of its tests passed. Before
/// its first run it is <see cref="Unknown"/>; <paramref name="Stale"/> when something it depends on
/// changed since (the tests, or a file under katas/ outside any kata's folder) and it waits to run again.
/// <paramref name="OnStubs"/>: how many of its failing tests failed on a stub's NotImplementedException (the kata
/// layer records that kind); <paramref name="Untouched"/>: its files are as shipped. A kata with no test passing is
/// "not started" when either says nothing was written (<see cref="KataCount"/>), else failing.
/// </summary>
public sealed record KataState(KataStatus Status, int Passed, int Total, bool Stale = false, int OnStubs = 0, bool Untouched = false)
{
    public static KataState Unknown { get; } = new(KataStatus.NotRun, 0, 0);

    /// <summary>True once the kata has run at least once.</summary>
    public bool Known => Status != KataStatus.NotRun;

    /// <summary>Where the kata stands in the words both faces share (<see cref="KataCount"/>'s rule for a kata whose tests ran).</summary>
    public KataStanding Standing => Status switch
    {
        KataStatus.CompileError => KataStanding.DoesNotCompile,
        KataStatus.Broken => KataStanding.CannotRun,
        KataStatus.NotRun => KataStanding.NotRun,
        _ => Count.Standing,
    };

    /// <summary>The tests of its last run that passed and failed.</summary>
    public KataCount Count => new(Passed, Total - Passed, OnStubs, Untouched);

    /// <summary>Not run yet, or waiting to run again: what the idle runner checks next.</summary>
    public bool NeedsRun => !Known || Stale;

    /// <summary>A failing kata whose tests all failed on its stubs: nothing written yet.</summary>
    public bool NotStarted => Status == KataStatus.Failing && Count.Standing == KataStanding.NotStarted;

    /// <summary>The kata's state from <paramref name="result"/>, a run that included it.</summary>
    public static KataState From(RunResult result, Kata kata, bool untouched = false)
    {
        var mine = result.Tests.Where(t => t.Kata == kata).ToList();
        var status = result.StatusOf(kata);
        // A run that included the kata but found none of its tests: say so rather than try again forever.
        if (status == KataStatus.NotRun) status = KataStatus.Broken;
        var onStubs = mine.Count(t => t.Outcome == Outcome.Failed && t.Kind == FailureKind.NotStarted);
        return new KataState(status, mine.Count(t => t.Outcome == Outcome.Passed), mine.Count, OnStubs: onStubs, Untouched: untouched);
    }
}
