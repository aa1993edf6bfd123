using AsyncKatas.Catalog;
using AsyncKatas.Catalog.Words;
using KataRunner.Engine.Build;
using KataRunner.Engine.Running;

namespace KataRunner.Engine.Session;

/// <summary>
/// Everything the UI shows, and nothing it must compute: the progress (each kata's status from its own
/// last run, and how many have not run yet), the current kata and its state, its failing tests grouped
/// and most telling first, its compile errors (other files' errors summarized), the katas that do not
/// compile and what stood in for them, the hints revealed so far, the kata list when asked, a notice, and
/// the number of the current kata's run (<see cref="Run"/>: a new one is a new result).
/// </summary>
public sealed record Screen(
    Kata Kata,
    KataState State,
    IReadOnlyList<(Kata Kata, KataState State)> Katas,
    IReadOnlyList<FailureGroup> Failures,
    IReadOnlyList<CompileError> Errors,
    string? OtherErrors,
    IReadOnlyList<OtherKataProblem> OtherKatas,
    IReadOnlyList<Hint> HintsShown,
    int HintsTotal,
    bool ShowList,
    string? Notice,
    string? Problem,
    TimeSpan? RunTime,
    int Run)
{
    /// <summary>What the kata says about the rules among <see cref="Errors"/> (the analyzers' words may name APIs the project does not have).</summary>
    public IReadOnlyList<string> Advice { get; init; } = [];

    /// <summary>In the list: the kata n, p move to, and l or Enter opens (it starts at the current kata).</summary>
    public Kata? Selected { get; init; }

    /// <summary>The timelines of the current kata's tests that recorded one, failing tests first (see <see cref="KataTimeline"/>).</summary>
    public IReadOnlyList<(string Test, KataTimeline Timeline)> Timelines { get; init; } = [];

    /// <summary>Which of <see cref="Timelines"/> the middle shows (t), or -1: the failures and hints.</summary>
    public int TimelineShown { get; init; } = -1;

    public KataStatus Status => State.Status;
    public int Total => Katas.Count;
    public int Solved => Katas.Count(k => k.State.Status == KataStatus.Solved);

    /// <summary>Katas that have not run yet in this session, or wait to run again.</summary>
    public int Unchecked => Katas.Count(k => k.State.NeedsRun);

    /// <summary>The kata list (l), or null when it is not shown.</summary>
    public IReadOnlyList<(Kata Kata, KataState State)>? List => ShowList ? Katas : null;
}

/// <summary>Puts a <see cref="Screen"/> together from the session's state and the current kata's last run.</summary>
internal static class ScreenBuilder
{
    public static Screen Build(RunnerSession session, RunResult? last, IReadOnlyList<OtherKataProblem> otherKatas,
        IReadOnlyList<Hint> hints, int hintLevel, bool showList, string? notice, int timelineShown = -1)
    {
        var current = session.Current;
        var mine = last?.Tests.Where(t => t.Kata == current).ToList() ?? [];
        var errors = last?.Compile?.Errors ?? [];
        var own = errors.Where(e => KataCatalog.OfCode(e.Path) == current).ToList();
        var others = errors.Count - own.Count;
        var otherFiles = errors.Except(own).Select(e => e.Path).Distinct().ToList();
        return new Screen(
            current,
            session.States[current],
            [.. session.Katas.Select(k => (k, session.States[k]))],
            FailureGroups.Of(mine.Where(t => t.Outcome == Outcome.Failed)),
            own.Count > 0 ? own : [.. errors.Take(10)],
            own.Count > 0 && others > 0 ? KataVocabulary.Format(Vocabulary.MoreErrorsInOtherFiles, others, string.Join(", ", otherFiles)) : null,
            [.. otherKatas.Where(p => p.Kata != current)],
            [.. hints.Take(hintLevel)],
            hints.Count,
            showList,
            notice,
            last?.Problem,
            last is null ? null : (last.Compile?.Elapsed ?? TimeSpan.Zero) + last.TestTime,
            session.Runs)
        {
            // Failing tests first; then the runs with the most lanes (the kata's whole program before a check of one part).
            Timelines = [.. mine.Where(t => t.Timeline is not null).OrderBy(t => t.Outcome == Outcome.Failed ? 0 : 1)
                .ThenByDescending(t => t.Timeline!.Run.Lanes.Count).Select(t => (t.ShortName, t.Timeline!))],
            TimelineShown = timelineShown,
            Advice = last?.Compile?.Advice ?? [],
        };
    }
}
