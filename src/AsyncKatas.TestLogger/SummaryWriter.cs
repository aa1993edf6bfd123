using AsyncKatas.Catalog;
using AsyncKatas.Catalog.Words;

namespace AsyncKatas.TestLogger;

/// <summary>
/// Writes the learner's view of a run:
/// <code>
/// ──────────────────────────────────────────────
/// Katas solved: 1 of 15.  [█▒░░░░░░░░░░░░░]
///   ✔ K01 EventLoop                 solved (2 tests)
///   ▒ K02 Coroutines                in progress: 1 of 4 tests pass
///   · K03 AwaitChains               not started: 0 of 4 tests pass
///   ...
///
/// K02 Coroutines: 3 failing tests
/// K02 Coroutines › CoroutinesTests.DoWork_PrintsItsLine: the output differs ...
///   ...
///
/// Next: K02 Coroutines (cold work: nothing runs until it is scheduled)
///   read   katas/K02_Coroutines/README.md
///   watch  dotnet run --project src/KataRunner
///   or run dotnet test --filter TestCategory=K02
/// ──────────────────────────────────────────────
/// </code>
/// A run of one kata (<c>--filter TestCategory=K02</c>) shows that kata's line and its failures.
/// </summary>
internal sealed class SummaryWriter(IReadOnlyList<TestOutcomeRecord> results, SummaryOptions options)
{
    private const int RuleWidth = 72;

    /// <summary>A kata that ran: its counts decide its standing (<see cref="KataCount"/>, the runner's rule too).</summary>
    private sealed record KataStatus(Kata Kata, KataCount Count, List<TestOutcomeRecord> Failures)
    {
        public bool Solved => Count.Standing == KataStanding.Solved;
        public int Passed => Count.Passed;
        public int Failed => Count.Failed;
        public string Name => Kata.DisplayName;
        public string State => KataVocabulary.Status(Count);
    }

    public string Write()
    {
        var ran = KataCatalog.All
            .Select(kata => (kata, tests: results.Where(r => r.Kata == kata && r.Outcome != Outcome.NotRun).ToList()))
            .Where(k => k.tests.Count > 0)
            .Select(k => new KataStatus(k.kata, new KataCount(k.tests.Count(t => t.Outcome == Outcome.Passed), k.tests.Count(t => t.Outcome == Outcome.Failed),
                    k.tests.Count(t => t.Outcome == Outcome.Failed && FailureView.Kind(t) == FailureKind.NotStarted), options.Untouched?.Invoke(k.kata) ?? false),
                k.tests.Where(t => t.Outcome == Outcome.Failed).ToList()))
            .ToList();
        var others = results.Where(r => r.Kata is null && r.Outcome == Outcome.Failed).ToList();
        if (ran.Count == 0 && others.Count == 0) return "";

        var lines = new List<string> { new('─', RuleWidth) };
        var next = ran.FirstOrDefault(k => !k.Solved);
        if (ran.Count == 1)
        {
            var only = ran[0];
            lines.Add(only.Solved
                ? KataVocabulary.Format(Vocabulary.OneKataSolved, only.Name, only.Passed)
                : KataVocabulary.Format(Vocabulary.OneKataState, only.Name, only.State, only.Kata.HintsPath));
            if (!only.Solved) lines.AddRange(Failures(only, options.FailuresShownForOneKata, oneKata: true));
        }
        else if (ran.Count > 1)
        {
            var solved = ran.Count(k => k.Solved);
            var title = KataVocabulary.Format(ran.Count == KataCatalog.All.Count ? Vocabulary.KatasSolvedOfAll : Vocabulary.KatasSolvedOfThoseThatRan, solved, ran.Count);
            lines.Add($"{title}  [{ProgressBar(ran)}]");
            var width = ran.Max(k => k.Name.Length) + 2;
            lines.AddRange(ran.Select(k => $"  {KataVocabulary.Mark(k.Count.Standing)} {k.Name.PadRight(width)} {k.State}"));
            if (next is not null) lines.AddRange(Failures(next, options.FailuresShown, oneKata: false));
        }

        if (others.Count > 0) lines.AddRange(OtherFailures(others));

        var upNext = ran.Count == 0 ? null
            : next is not null ? next.Kata
            : KataCatalog.All.SkipWhile(k => k.Id != ran[^1].Kata.Id).Skip(1).FirstOrDefault();
        lines.Add("");
        if (upNext is not null) lines.AddRange(NextSteps(upNext));
        else if (ran.Count > 0 && ran.Count == KataCatalog.All.Count) lines.Add(Vocabulary.EveryKataSolved);
        else if (ran.Count > 0) lines.Add(Vocabulary.EveryKataThatRanSolved);
        else lines.RemoveAt(lines.Count - 1);
        lines.Add(new('─', RuleWidth));
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>One cell per kata that ran (<see cref="KataVocabulary.Cell"/>).</summary>
    private static string ProgressBar(IEnumerable<KataStatus> katas) => string.Concat(katas.Select(k => KataVocabulary.Cell(k.Count.Standing)));

    /// <summary>
    /// The kata's failures in full, at most <paramref name="shown"/> of them, the most telling kind first (as the
    /// watch runner orders them; test order within a kind). Failures that say the same thing (every test of a stub
    /// not started yet) are shown once, with the names of the others.
    /// </summary>
    private IEnumerable<string> Failures(KataStatus kata, int shown, bool oneKata)
    {
        yield return "";
        if (!oneKata) yield return KataVocabulary.FailingTests(kata.Kata, kata.Failed);
        var groups = kata.Failures.GroupBy(f => (Kind: FailureView.Kind(f), Gist: FailureView.Gist(f))).OrderBy(g => g.Key.Kind).ToList();
        var budget = oneKata ? int.MaxValue : options.FailureLines;
        var written = 0;
        var groupsShown = 0;
        foreach (var group in groups.Take(shown))
        {
            var failure = group.First();
            var lines = FailureView.Describe(failure, KataVocabulary.FailureHeader(kata.Kata, failure.Test), options.MessageLines);
            var same = group.Skip(1).Select(f => f.Test).ToList();
            if (same.Count > 0)
            {
                var names = same.Count <= 3 ? string.Join(", ", same) : KataVocabulary.Format(Vocabulary.AndMore, string.Join(", ", same.Take(3)), same.Count - 3);
                lines.Add(KataVocabulary.Format(Vocabulary.TheSameFor, names));
            }
            // The first failure is always shown; the next ones only while the section stays short.
            if (groupsShown > 0 && written + lines.Count + 1 > budget) break;
            if (groupsShown > 0) yield return "";
            foreach (var line in lines) yield return line;
            written += lines.Count + 1;
            groupsShown++;
        }
        var more = groups.Skip(groupsShown).Sum(g => g.Count());
        if (more > 0)
        {
            yield return "";
            yield return KataVocabulary.Format(oneKata ? Vocabulary.MoreFailingOneKata : Vocabulary.MoreFailingInKata, more, kata.Kata.Id);
        }
    }

    /// <summary>Failing tests outside the katas (no kata category): the harness itself is broken, so say so.</summary>
    private IEnumerable<string> OtherFailures(List<TestOutcomeRecord> others)
    {
        yield return "";
        yield return KataVocabulary.Format(Vocabulary.OtherFailures, others.Count);
        foreach (var failure in others.Take(options.OtherFailuresShown))
        {
            foreach (var line in FailureView.Describe(failure, failure.Test, Math.Min(options.MessageLines, 10))) yield return "  " + line;
        }
        if (others.Count > options.OtherFailuresShown)
        {
            yield return KataVocabulary.Format(Vocabulary.OtherFailuresMore, others.Count - options.OtherFailuresShown);
        }
    }

    private IEnumerable<string> NextSteps(Kata kata)
    {
        yield return KataVocabulary.Format(Vocabulary.Next, kata.DisplayName, kata.TopicIn(UiLanguage.Current));
        yield return KataVocabulary.Format(Vocabulary.NextRead, kata.ReadmePathIn(UiLanguage.Current));
        if (options.HasWatchRunner) yield return Vocabulary.NextWatch;
        yield return KataVocabulary.Format(options.HasWatchRunner ? Vocabulary.NextOrRun : Vocabulary.NextRun, kata.Id);
    }
}
