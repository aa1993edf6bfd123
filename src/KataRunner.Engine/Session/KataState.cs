using AsyncKatas.Catalog.Words;
using KataRunner.Engine.Running;

namespace KataRunner.Engine.Session;

/// <summary>
/// Where one kata stands, from its own last run: the verdict and how many of its tests passed. Before
/// its first run it is <see cref="Unknown"/>; <paramref name="Stale"/> when something it depends on
/// changed since (the tests, or a file under katas/ outside any kata's folder) and it waits to run again.
/// </summary>
public sealed record KataState(KataStatus Status, int Passed, int Total, bool Stale = false)
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
    public KataCount Count => new(Passed, Total - Passed);

    /// <summary>Not run yet, or waiting to run again: what the idle runner checks next.</summary>
    public bool NeedsRun => !Known || Stale;

    /// <summary>The kata's state from <paramref name="result"/>, a run that included it.</summary>
    public static KataState From(RunResult result, string kataId)
    {
        var mine = result.Tests.Where(t => t.Category == kataId).ToList();
        var status = result.StatusOf(kataId);
        // A run that included the kata but found none of its tests: say so rather than try again forever.
        if (status == KataStatus.NotRun) status = KataStatus.Broken;
        return new KataState(status, mine.Count(t => t.Outcome == Outcome.Passed), mine.Count);
    }
}
