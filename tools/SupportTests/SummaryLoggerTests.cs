using AsyncKatas.TestLogger;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>The end-of-run summary a learner acts on: what plain `dotnet test` prints for the kata tests.</summary>
[Category("Support")]
public class SummaryLoggerTests
{
    private const string K01NotStarted =
        "K01 EventLoop › TwoWorkersTests.{0}: not started yet: open katas/K01_EventLoop/TwoWorkers.cs and replace the NotImplementedException.\n" +
        "  The stub says: Print \"我是异步任务{{number}}\" and sleep one second, five times.\n" +
        "Hint: katas/K01_EventLoop/README.md#hints";

    /// <summary>Where a kata verdict is thrown from: no frame of the learner's.</summary>
    internal const string HarnessStack =
        "   at AsyncKatas.Tests.Support.KataVerifier.VerifyRun(LoopRun run, Double[] timeline, Double total, String sourceFile) in /src/async-katas/tests/Support/KataVerifier.cs:line 31\n" +
        "   at AsyncKatas.Tests.K01_EventLoop.TwoWorkersTests.TwoWorkers_TakeTurns_OnOneLoop() in /src/async-katas/tests/K01_EventLoop/TwoWorkersTests.cs:line 19";

    private static readonly string[] K01Tests = ["OneWorker_PrintsFiveTimes_OneSecondApart", "TwoWorkers_TakeTurns_OnOneLoop"];

    /// <summary>Every kata of the catalog with <paramref name="passed"/> passing and <paramref name="failed"/> failing tests.</summary>
    private static List<TestOutcomeRecord> Run(Func<string, (int Passed, int Failed)> counts, Func<string, int, string>? message = null) =>
    [
        .. KataCatalog.All.SelectMany(k =>
        {
            var (passed, failed) = counts(k.Id);
            return Enumerable.Range(0, passed).Select(i => new TestOutcomeRecord(k, $"{k.Id}Tests.Passes{i}", Outcome.Passed))
                .Concat(Enumerable.Range(0, failed).Select(i => Failed(k, $"{k.Id}Tests.Fails{i}",
                    message?.Invoke(k.Id, i) ?? $"{k.Id} failure {i}: not started yet")));
        }),
    ];

    /// <summary>What a fresh clone's run reports: every test fails, K01's two with the stub's "not started yet".</summary>
    private static List<TestOutcomeRecord> FreshClone() =>
    [
        .. K01Tests.Select(t => Failed(KataCatalog.Get("K01"), $"TwoWorkersTests.{t}", string.Format(K01NotStarted, t))),
        .. Run(id => id == "K01" ? (0, 0) : (0, 7)),
        new TestOutcomeRecord(null, "RepositoryTests.Every_test_has_its_kata_category_or_Support", Outcome.Passed),
    ];

    private static string[] Lines(string summary) => summary.Split(Environment.NewLine);

    /// <summary>
    /// A kata test's failure as the kata support reports it (tests/Support/KataMessage.cs): its message and the
    /// <see cref="KataFailureRecord"/> it attaches, whose gist is the message without the header's test name, the
    /// hint and the received file.
    /// </summary>
    internal static TestOutcomeRecord Failed(Kata kata, string test, string message, IReadOnlyList<string>? attachments = null)
    {
        var lines = message.Split('\n');
        var header = AsyncKatas.Catalog.Words.KataVocabulary.FailureHeader(kata, test) + ": ";
        var body = lines.Where(l => !l.StartsWith("Hint: ", StringComparison.Ordinal) && !l.StartsWith("Received: ", StringComparison.Ordinal))
            .Select((l, i) => i == 0 && l.StartsWith(header, StringComparison.Ordinal) ? l[header.Length..] : l);
        var kind = message.Contains("not started", StringComparison.Ordinal) ? FailureKind.NotStarted : FailureKind.Bare;
        var record = new KataFailureRecord(kata.Id, test, kind, string.Join('\n', body), lines);
        return new TestOutcomeRecord(kata, test, Outcome.Failed, message, HarnessStack, attachments, [record]);
    }

    [Test]
    public void A_fresh_clone_has_nothing_solved_and_K01_next()
    {
        var summary = KataSummaryLogger.Summarize(FreshClone());
        Assert.That(summary, Does.Contain($"Katas solved: 0 of {KataCatalog.All.Count}."));
        Assert.That(summary, Does.Contain("Next: K01 EventLoop").And.Contain("katas/K01_EventLoop/README.md").And.Contain("dotnet test --filter TestCategory=K01"));
        Assert.That(summary, Does.Contain("dotnet run --project src/KataRunner"), "the watch runner is named");
    }

    [Test]
    public void A_fresh_clone_shows_a_progress_bar_and_one_line_per_kata()
    {
        var lines = Lines(KataSummaryLogger.Summarize(FreshClone()));
        Assert.That(lines, Has.One.Contains("[" + new string('░', KataCatalog.All.Count) + "]"));
        foreach (var kata in KataCatalog.All)
        {
            Assert.That(lines.Count(l => l.Contains($" {kata.DisplayName} ", StringComparison.Ordinal) && l.Contains("not started", StringComparison.Ordinal)),
                Is.EqualTo(1), $"one line for {kata.Id}");
        }
    }

    [Test]
    public void A_fresh_clone_shows_K01s_failures_in_full_and_no_other_katas()
    {
        var summary = KataSummaryLogger.Summarize(FreshClone());
        Assert.That(summary, Does.Contain("K01 EventLoop: 2 failing tests"));
        Assert.That(summary, Does.Contain($"K01 EventLoop › TwoWorkersTests.{K01Tests[0]}: not started yet"));
        Assert.That(summary, Does.Contain("  The stub says: Print \"我是异步任务{number}\""));
        Assert.That(summary, Does.Contain($"  The same for TwoWorkersTests.{K01Tests[1]}."), "the same failure is shown once");
        Assert.That(summary, Does.Not.Contain("K02 failure"), "only the first unsolved kata's failures");
    }

    [Test]
    public void A_fresh_clone_summary_is_short_and_has_no_stack_trace()
    {
        var lines = Lines(KataSummaryLogger.Summarize(FreshClone()));
        Assert.That(lines, Has.Length.LessThanOrEqualTo(KataCatalog.All.Count + 20));
        Assert.That(lines, Has.None.Match(@"^\s*at \S").And.None.Contains("KataVerifier.cs"), "a kata verdict has no stack trace");
        Assert.That(lines, Has.None.Contains("Stack Trace"));
    }

    [Test]
    public void The_progress_bar_and_the_kata_lines_tell_solved_in_progress_and_not_started_apart()
    {
        var lines = Lines(KataSummaryLogger.Summarize(Run(id => id switch { "K01" => (2, 0), "K02" => (1, 3), _ => (0, 2) })));
        Assert.That(lines, Has.One.Contains($"Katas solved: 1 of {KataCatalog.All.Count}.  [█▒" + new string('░', KataCatalog.All.Count - 2) + "]"));
        Assert.That(lines, Has.One.Match(@"✔ K01 EventLoop +solved \(2 tests\)$"));
        Assert.That(lines, Has.One.Match(@"▒ K02 Coroutines +in progress: 1 of 4 tests pass$"));
        Assert.That(lines, Has.One.Match(@"· K03 AwaitChains +not started: 0 of 2 tests pass$"));
    }

    [Test]
    public void A_kata_whose_tests_failed_on_code_written_is_failing_and_one_whose_tests_all_hit_its_stubs_not_started()
    {
        var summary = KataSummaryLogger.Summarize(
        [
            Failed(KataCatalog.Get("K05"), "GatherTests.A", "K05 WaitAndGather › GatherTests.A: not started yet: open katas/K05_WaitAndGather/Gather.cs"),
            Failed(KataCatalog.Get("K05"), "GatherTests.B", "K05 WaitAndGather › GatherTests.B: the output differs"),
            Failed(KataCatalog.Get("K06"), "WaitTests.A", "K06 TimeoutsAndCancellation › WaitTests.A: not started yet: open katas/K06_TimeoutsAndCancellation/Wait.cs"),
        ]);
        Assert.That(summary, Does.Contain("K05 WaitAndGather").And.Contain("failing: 0 of 2 tests pass"));
        Assert.That(summary, Does.Contain("not started: 0 of 1 tests pass").Or.Contain("not started: 0 of 1 test pass"));
    }

    [Test]
    public void The_next_kata_is_the_first_one_not_solved_and_its_failures_are_shown()
    {
        var summary = KataSummaryLogger.Summarize(Run(id => id is "K01" or "K02" or "K04" ? (3, 0) : (1, 1)));
        Assert.That(summary, Does.Contain("Katas solved: 3 of").And.Contain("Next: K03 AwaitChains"));
        Assert.That(summary, Does.Contain("K03 AwaitChains: 1 failing test").And.Contain("K03 failure 0"));
        Assert.That(summary, Does.Not.Contain("K05 failure 0"));
    }

    [Test]
    public void At_most_three_failures_are_shown_and_the_rest_are_counted()
    {
        var summary = KataSummaryLogger.Summarize(Run(_ => (0, 7)));
        Assert.That(summary, Does.Contain("K01 failure 2").And.Not.Contain("K01 failure 3"));
        Assert.That(summary, Does.Contain("… and 4 more failing test(s) in K01: dotnet test --filter TestCategory=K01"));
    }

    [Test]
    public void Failures_that_say_the_same_are_shown_once_with_the_other_names()
    {
        // The received file is named after the test's parameters, not its display name: the logger knows it
        // from the test's attachments. One test wrote none.
        var results = Enumerable.Range(0, 6).Select(i => Failed(KataCatalog.Get("K14"), $"EventLoopTests.T({i})",
            $"K14 BuildYourOwnLoop › EventLoopTests.T({i}): not started yet: open katas/K14_BuildYourOwnLoop/EventLoop.cs:37" +
            (i == 5 ? "" : $"\nReceived: tests/K14/EventLoopTests.T_n={i}.received.txt"),
            i == 5 ? null : [$"/repo/tests/K14/EventLoopTests.T_n={i}.received.txt"])).ToList();
        var summary = KataSummaryLogger.Summarize(results);
        Assert.That(Lines(summary), Has.Exactly(1).Contains("not started yet"));
        Assert.That(summary, Does.Contain("  The same for EventLoopTests.T(1), EventLoopTests.T(2), EventLoopTests.T(3) and 2 more."));
        Assert.That(summary, Does.Not.Contain("more failing test(s)"));
    }

    [Test]
    public void In_a_run_of_every_kata_the_failures_after_the_first_stay_within_the_line_budget()
    {
        var message = "K01 EventLoop › T: the output differs\n" + string.Join('\n', Enumerable.Range(0, 30).Select(i => $"  + line {i}"));
        var summary = KataSummaryLogger.Summarize(Run(_ => (0, 3), (id, i) => message.Replace("T:", $"T{i}:", StringComparison.Ordinal)), new SummaryOptions(FailureLines: 40));
        Assert.That(summary, Does.Contain("K01 EventLoop › T0: the output differs").And.Not.Contain("K01 EventLoop › T1:"));
        Assert.That(summary, Does.Contain("… and 2 more failing test(s) in K01"));
    }

    [Test]
    public void A_long_message_is_cut()
    {
        var message = "K01 EventLoop › T.Long: the output differs\n" + string.Join('\n', Enumerable.Range(0, 100).Select(i => $"  + line {i}"));
        var summary = KataSummaryLogger.Summarize([Failed(KataCatalog.Get("K01"), "T.Long", message)], new SummaryOptions(MessageLines: 10));
        Assert.That(summary, Does.Contain("  + line 7").And.Not.Contain("  + line 8"));
        Assert.That(summary, Does.Contain("… 92 more line(s)"));
    }

    [Test]
    public void A_run_of_one_kata_reports_that_kata_and_its_failures()
    {
        var summary = KataSummaryLogger.Summarize(
        [
            new TestOutcomeRecord(KataCatalog.Get("K05"), "GatherTests.A", Outcome.Passed),
            Failed(KataCatalog.Get("K05"), "GatherTests.B", "K05 WaitAndGather › GatherTests.B: the right lines, printed at the wrong virtual times"),
            Failed(KataCatalog.Get("K05"), "GatherTests.C", "K05 WaitAndGather › GatherTests.C: the output differs"),
        ]);
        Assert.That(summary, Does.Contain("K05 WaitAndGather: in progress: 1 of 3 tests pass. Hints: katas/K05_WaitAndGather/README.md#hints"));
        Assert.That(summary, Does.Contain("GatherTests.B: the right lines").And.Contain("GatherTests.C: the output differs"));
        Assert.That(summary, Does.Not.Contain("Katas solved"));
        Assert.That(summary, Does.Contain("Next: K05 WaitAndGather"));
    }

    [Test]
    public void A_solved_kata_run_alone_points_to_the_following_kata()
    {
        var summary = KataSummaryLogger.Summarize([new TestOutcomeRecord(KataCatalog.Get("K05"), "GatherTests.A", Outcome.Passed), new TestOutcomeRecord(KataCatalog.Get("K05"), "GatherTests.B", Outcome.Passed)]);
        Assert.That(summary, Does.Contain("K05 WaitAndGather: solved (2 of 2 tests pass).").And.Contain("Next: K06 TimeoutsAndCancellation"));
    }

    [Test]
    public void All_solved_says_so()
    {
        Assert.That(KataSummaryLogger.Summarize(Run(_ => (2, 0))), Does.Contain("Every kata is solved"));
    }

    [Test]
    public void The_counts_only_overload_still_summarizes()
    {
        var summary = KataSummaryLogger.Summarize(KataCatalog.All.ToDictionary(k => k.Id, k => k.Id == "K01" ? (2, 0) : (0, 1)));
        Assert.That(summary, Does.Contain($"Katas solved: 1 of {KataCatalog.All.Count}.").And.Contain("Next: K02 Coroutines"));
    }

    [Test]
    public void Without_the_watch_runner_only_dotnet_test_is_suggested()
    {
        var summary = KataSummaryLogger.Summarize(FreshClone(), new SummaryOptions(HasWatchRunner: false));
        Assert.That(summary, Does.Not.Contain("KataRunner").And.Contain("dotnet test --filter TestCategory=K01"));
    }

    [Test]
    public void A_failure_without_a_record_is_shown_as_NUnit_wrote_it_after_the_test_s_header()
    {
        // A failure outside a test's body (a set-up, a stopped test host): nothing in its text is read for what it means.
        const string message = "System.InvalidOperationException : Multiple failures or warnings in test:\n  1) words\n";
        var lines = FailureText.Describe(new TestOutcomeRecord(KataCatalog.Get("K08"), "PoolTests.Jobs", Outcome.Failed, message, HarnessStack), "K08 ThreadPoolExecutor › PoolTests.Jobs", 40);
        Assert.That(lines, Is.EqualTo(new[] { "K08 ThreadPoolExecutor › PoolTests.Jobs: System.InvalidOperationException : Multiple failures or warnings in test:", "  1) words" }));
        Assert.That(FailureText.Describe(new TestOutcomeRecord(KataCatalog.Get("K08"), "PoolTests.Jobs", Outcome.Failed, ""), "K08 ThreadPoolExecutor › PoolTests.Jobs", 40),
            Is.EqualTo(new[] { "K08 ThreadPoolExecutor › PoolTests.Jobs: failed without a message" }));
    }

    [Test]
    public void Failures_without_a_record_group_only_when_their_messages_are_the_same()
    {
        var failures = new[] { "same words", "same words", "other words" }.Select((m, i) => new TestOutcomeRecord(KataCatalog.Get("K08"), $"PoolTests.T{i}", Outcome.Failed, m)).ToList();
        var summary = KataSummaryLogger.Summarize(failures);
        Assert.That(summary, Does.Contain("PoolTests.T0: same words").And.Contain("The same for PoolTests.T1.").And.Contain("PoolTests.T2: other words"));
    }

    [Test]
    public void A_failing_support_test_is_reported_even_when_no_kata_ran()
    {
        var summary = KataSummaryLogger.Summarize([new TestOutcomeRecord(null, "VerifierTests.A", Outcome.Failed, "Assert.That(x, Is.True)\n  Expected: True\n  But was:  False\n", HarnessStack)]);
        Assert.That(summary, Does.Contain("1 test(s) outside the katas failed").And.Contain("VerifierTests.A: Assert.That(x, Is.True)"));
    }

    [Test]
    public void A_run_of_support_tests_that_pass_prints_nothing()
    {
        Assert.That(KataSummaryLogger.Summarize([new TestOutcomeRecord(null, "VerifierTests.A", Outcome.Passed)]), Is.Empty);
    }
}
