using AsyncKatas.Catalog;
using AsyncKatas.Catalog.Words;
using KataRunner.Engine.Running;

namespace KataRunner.Engine.Session;

/// <summary>
/// Where one kata stands, from its own last run: the verdict and how many of its tests passed. Before
/// its first run it is <see cref="Unknown"/>; <paramref name="Stale"/> when something it depends on
/// changed since (the tests, or a file under katas/ outside any kata's folder) and it waits to run again.
/// <paramref name="Untouched"/>: its files are the stubs as shipped (true), code was written (false), or
/// unknown (null: no git to compare with); a failing kata with no test passing is "not started" unless
/// code was written in it (then it is failing).
/// </summary>
public sealed record KataState(KataStatus Status, int Passed, int Total, bool Stale = false, bool? Untouched = null)
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
        _ when Count.Standing == KataStanding.NotStarted && !NotStarted => KataStanding.Failing,
        _ => Count.Standing,
    };

    /// <summary>The tests of its last run that passed and failed.</summary>
    public KataCount Count => new(Passed, Total - Passed);

    /// <summary>Not run yet, or waiting to run again: what the idle runner checks next.</summary>
    public bool NeedsRun => !Known || Stale;

    /// <summary>A failing kata, no test passing, whose stub nobody has touched yet (or no one can tell).</summary>
    public bool NotStarted => Status == KataStatus.Failing && Passed == 0 && Untouched != false;

    /// <summary>The kata's state from <paramref name="result"/>, a run that included it.</summary>
    public static KataState From(RunResult result, Kata kata, bool? untouched = null)
    {
        var mine = result.Tests.Where(t => t.Kata == kata).ToList();
        var status = result.StatusOf(kata);
        // A run that included the kata but found none of its tests: say so rather than try again forever.
        if (status == KataStatus.NotRun) status = KataStatus.Broken;
        return new KataState(status, mine.Count(t => t.Outcome == Outcome.Passed), mine.Count, Untouched: untouched);
    }
}
