using AsyncKatas.Catalog;

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

    private sealed record KataStatus(Kata Kata, int Passed, int Failed, List<TestOutcomeRecord> Failures)
    {
        public bool Solved => Failed == 0 && Passed > 0;

        /// <summary>No test passes yet (the shipped stubs; a kata whose first test has not passed yet).</summary>
        public bool NotStarted => Passed == 0;

        public string Name => $"{Kata.Id} {Kata.Folder[4..]}";

        public string State => Solved ? $"solved ({Passed} test{(Passed == 1 ? "" : "s")})"
            : NotStarted ? $"not started: 0 of {Failed} tests pass"
            : $"in progress: {Passed} of {Passed + Failed} tests pass";
    }

    public string Write()
    {
        var ran = KataCatalog.All
            .Select(kata => (kata, tests: results.Where(r => r.Kata == kata.Id && r.Outcome != Outcome.NotRun).ToList()))
            .Where(k => k.tests.Count > 0)
            .Select(k => new KataStatus(k.kata, k.tests.Count(t => t.Outcome == Outcome.Passed), k.tests.Count(t => t.Outcome == Outcome.Failed),
                k.tests.Where(t => t.Outcome == Outcome.Failed).ToList()))
            .ToList();
        var others = results.Where(r => (r.Kata is null || !KataCatalog.All.Any(k => k.Id == r.Kata)) && r.Outcome == Outcome.Failed).ToList();
        if (ran.Count == 0 && others.Count == 0) return "";

        var lines = new List<string> { new('─', RuleWidth) };
        var next = ran.FirstOrDefault(k => !k.Solved);
        if (ran.Count == 1)
        {
            var only = ran[0];
            lines.Add(only.Solved
                ? $"{only.Name}: solved ({only.Passed} of {only.Passed} tests pass)."
                : $"{only.Name}: {only.State}. Hints: {only.Kata.HintsPath}");
            if (!only.Solved) lines.AddRange(Failures(only, options.FailuresShownForOneKata, oneKata: true));
        }
        else if (ran.Count > 1)
        {
            var solved = ran.Count(k => k.Solved);
            var title = ran.Count == KataCatalog.All.Count ? $"Katas solved: {solved} of {ran.Count}." : $"Katas solved: {solved} of the {ran.Count} that ran.";
            lines.Add($"{title}  [{ProgressBar(ran)}]");
            var width = ran.Max(k => k.Name.Length) + 2;
            lines.AddRange(ran.Select(k => $"  {Mark(k)} {k.Name.PadRight(width)} {k.State}"));
            if (next is not null) lines.AddRange(Failures(next, options.FailuresShown, oneKata: false));
        }

        if (others.Count > 0) lines.AddRange(OtherFailures(others));

        var upNext = ran.Count == 0 ? null
            : next is not null ? next.Kata
            : KataCatalog.All.SkipWhile(k => k.Id != ran[^1].Kata.Id).Skip(1).FirstOrDefault();
        lines.Add("");
        if (upNext is not null) lines.AddRange(NextSteps(upNext));
        else if (ran.Count > 0 && ran.Count == KataCatalog.All.Count) lines.Add("Every kata is solved. Well done!");
        else if (ran.Count > 0) lines.Add("Every kata that ran is solved.");
        else lines.RemoveAt(lines.Count - 1);
        lines.Add(new('─', RuleWidth));
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>One cell per kata that ran: █ solved, ▒ in progress, ░ not started.</summary>
    private static string ProgressBar(IEnumerable<KataStatus> katas) =>
        string.Concat(katas.Select(k => k.Solved ? '█' : k.NotStarted ? '░' : '▒'));

    private static char Mark(KataStatus kata) => kata.Solved ? '✔' : kata.NotStarted ? '·' : '▒';

    /// <summary>
    /// The kata's failures in full, at most <paramref name="shown"/> of them. Failures that say the same thing
    /// (every test of a stub not started yet) are shown once, with the names of the others.
    /// </summary>
    private IEnumerable<string> Failures(KataStatus kata, int shown, bool oneKata)
    {
        yield return "";
        if (!oneKata) yield return $"{kata.Name}: {kata.Failed} failing test{(kata.Failed == 1 ? "" : "s")}";
        var groups = kata.Failures.GroupBy(FailureText.Gist).ToList();
        var budget = oneKata ? int.MaxValue : options.FailureLines;
        var written = 0;
        var groupsShown = 0;
        foreach (var group in groups.Take(shown))
        {
            var failure = group.First();
            var lines = FailureText.Describe(failure, $"{kata.Name} › {failure.Test}", options.MessageLines);
            var same = group.Skip(1).Select(f => f.Test).ToList();
            if (same.Count > 0)
            {
                var names = same.Count <= 3 ? string.Join(", ", same) : string.Join(", ", same.Take(3)) + $" and {same.Count - 3} more";
                lines.Add($"  The same for {names}.");
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
            yield return oneKata
                ? $"… and {more} more failing test(s); all of them: dotnet test --filter TestCategory={kata.Kata.Id} --logger \"console;verbosity=normal\""
                : $"… and {more} more failing test(s) in {kata.Kata.Id}: dotnet test --filter TestCategory={kata.Kata.Id}";
        }
    }

    /// <summary>Failing tests outside the katas (the Support tests): the harness itself is broken, so say so.</summary>
    private IEnumerable<string> OtherFailures(List<TestOutcomeRecord> others)
    {
        yield return "";
        yield return $"{others.Count} test(s) of the harness itself failed (not a kata: tell the maintainers, or see tests/SupportTests):";
        foreach (var failure in others.Take(options.OtherFailuresShown))
        {
            foreach (var line in FailureText.Describe(failure, failure.Test, Math.Min(options.MessageLines, 10))) yield return "  " + line;
        }
        if (others.Count > options.OtherFailuresShown)
        {
            yield return $"  … and {others.Count - options.OtherFailuresShown} more: dotnet test --filter TestCategory=Support --logger \"console;verbosity=normal\"";
        }
    }

    private IEnumerable<string> NextSteps(Kata kata)
    {
        yield return $"Next: {kata.Id} {kata.Folder[4..]} ({kata.Topic})";
        yield return $"  read   {kata.ReadmePath}";
        if (options.HasWatchRunner) yield return "  watch  dotnet run --project src/KataRunner";
        yield return $"  {(options.HasWatchRunner ? "or run" : "run   ")} dotnet test --filter TestCategory={kata.Id}";
    }
}
