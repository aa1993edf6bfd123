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
                .Concat(Enumerable.Range(0, failed).Select(i => new TestOutcomeRecord(k, $"{k.Id}Tests.Fails{i}", Outcome.Failed,
                    message?.Invoke(k.Id, i) ?? $"{k.Id} failure {i}: the output differs", HarnessStack)));
        }),
    ];

    /// <summary>What a fresh clone's run reports: every test fails, K01's two with the stub's "not started yet".</summary>
    private static List<TestOutcomeRecord> FreshClone() =>
    [
        .. K01Tests.Select(t => new TestOutcomeRecord(KataCatalog.Get("K01"), $"TwoWorkersTests.{t}", Outcome.Failed, string.Format(K01NotStarted, t), HarnessStack)),
        .. Run(id => id == "K01" ? (0, 0) : (0, 7)),
        new TestOutcomeRecord(null, "RepositoryTests.Every_test_has_its_kata_category_or_Support", Outcome.Passed),
    ];

    private static string[] Lines(string summary) => summary.Split(Environment.NewLine);

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
        var results = Enumerable.Range(0, 6).Select(i => new TestOutcomeRecord(KataCatalog.Get("K14"), $"EventLoopTests.T({i})", Outcome.Failed,
            $"K14 BuildYourOwnLoop › EventLoopTests.T({i}): not started yet: open katas/K14_BuildYourOwnLoop/EventLoop.cs:37" +
            (i == 5 ? "" : $"\nReceived: tests/K14/EventLoopTests.T_n={i}.received.txt"),
            Attachments: i == 5 ? null : [$"/repo/tests/K14/EventLoopTests.T_n={i}.received.txt"])).ToList();
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
        var summary = KataSummaryLogger.Summarize([new TestOutcomeRecord(KataCatalog.Get("K01"), "T.Long", Outcome.Failed, message)], new SummaryOptions(MessageLines: 10));
        Assert.That(summary, Does.Contain("  + line 7").And.Not.Contain("  + line 8"));
        Assert.That(summary, Does.Contain("… 92 more line(s)"));
    }

    [Test]
    public void A_run_of_one_kata_reports_that_kata_and_its_failures()
    {
        var summary = KataSummaryLogger.Summarize(
        [
            new TestOutcomeRecord(KataCatalog.Get("K05"), "GatherTests.A", Outcome.Passed),
            new TestOutcomeRecord(KataCatalog.Get("K05"), "GatherTests.B", Outcome.Failed, "K05 WaitAndGather › GatherTests.B: the right lines, printed at the wrong virtual times", HarnessStack),
            new TestOutcomeRecord(KataCatalog.Get("K05"), "GatherTests.C", Outcome.Failed, "K05 WaitAndGather › GatherTests.C: the output differs", HarnessStack),
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
    public void NUnits_own_lines_after_a_message_that_explains_are_dropped()
    {
        var message = "5 one-second jobs on 1 worker(s) take 5 s.\nAssert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(expectedTotal)))\n  Expected: 00:00:05\n  But was:  00:00:01\n";
        var lines = FailureText.Describe(new TestOutcomeRecord(KataCatalog.Get("K08"), "PoolTests.Jobs", Outcome.Failed, message, HarnessStack), "K08 ThreadPoolExecutor › PoolTests.Jobs", 40);
        Assert.That(lines, Is.EqualTo(new[] { "K08 ThreadPoolExecutor › PoolTests.Jobs: 5 one-second jobs on 1 worker(s) take 5 s." }));
    }

    [Test]
    public void An_assertion_without_a_message_keeps_NUnits_lines()
    {
        var message = "Assert.That(count, Is.EqualTo(3))\n  Expected: 3\n  But was:  1\n";
        var lines = FailureText.Describe(new TestOutcomeRecord(KataCatalog.Get("K08"), "PoolTests.Jobs", Outcome.Failed, message, HarnessStack), "K08 ThreadPoolExecutor › PoolTests.Jobs", 40);
        Assert.That(lines, Is.EqualTo(new[] { "K08 ThreadPoolExecutor › PoolTests.Jobs: Assert.That(count, Is.EqualTo(3))", "  Expected: 3", "  But was:  1" }));
    }

    [Test]
    public void Multiple_failures_become_a_numbered_list_without_stack_traces_or_NUnit_lines()
    {
        const string message =
            "Multiple failures or warnings in test:\n" +
            "  1)   5 job(s) were at work at the same time on a pool of maxWorkers: 1.\n" +
            "Assert.That(mostAtOnce, Is.EqualTo(maxWorkers))\n  Expected: 1\n  But was:  5\n\n" +
            "     at AsyncKatas.Tests.K08_ThreadPoolExecutor.ThreadPoolExecutorTests.<>c__DisplayClass4_0.<Jobs>b__2() in /r/tests/K08_ThreadPoolExecutor/ThreadPoolExecutorTests.cs:line 82\n" +
            "   at NUnit.Framework.Assert.Multiple(TestDelegate testDelegate)\n\n" +
            "  2)   5 one-second jobs on 1 worker(s) take 5 s.\n" +
            "Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(expectedTotal)))\n  Expected: 00:00:05\n  But was:  00:00:01\n\n" +
            "     at AsyncKatas.Tests.K08_ThreadPoolExecutor.ThreadPoolExecutorTests.<>c__DisplayClass4_0.<Jobs>b__2() in /r/tests/K08_ThreadPoolExecutor/ThreadPoolExecutorTests.cs:line 86\n";
        var lines = FailureText.Describe(new TestOutcomeRecord(KataCatalog.Get("K08"), "PoolTests.Jobs(1)", Outcome.Failed, message, HarnessStack), "K08 ThreadPoolExecutor › PoolTests.Jobs(1)", 40);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "K08 ThreadPoolExecutor › PoolTests.Jobs(1): 2 failures",
            "  1) 5 job(s) were at work at the same time on a pool of maxWorkers: 1.",
            "  2) 5 one-second jobs on 1 worker(s) take 5 s.",
        }));
    }

    [Test]
    public void An_exception_from_the_learners_code_keeps_only_the_learners_frames()
    {
        const string stack =
            "   at AsyncKatas.K14_BuildYourOwnLoop.EventLoop.Run(Func`1 main) in /home/me/async-katas/katas/K14_BuildYourOwnLoop/EventLoop.cs:line 37\n" +
            "   at AsyncKatas.K14_BuildYourOwnLoop.EventLoop.<Post>b__3_0() in C:\\src\\async-katas\\katas\\K14_BuildYourOwnLoop\\EventLoop.cs:line 52\n" +
            "--- End of stack trace from previous location ---\n" +
            "   at AsyncKatas.Tests.K14_BuildYourOwnLoop.EventLoopTests.Run_ReturnsAfterMain() in /home/me/async-katas/tests/K14_BuildYourOwnLoop/EventLoopTests.cs:line 40\n" +
            "   at System.RuntimeMethodHandle.InvokeMethod(Object target, Void** arguments, Signature sig, Boolean isConstructor)";
        var lines = FailureText.Describe(
            new TestOutcomeRecord(KataCatalog.Get("K14"), "EventLoopTests.Run_ReturnsAfterMain", Outcome.Failed, "System.InvalidOperationException : Collection was modified.", stack),
            "K14 BuildYourOwnLoop › EventLoopTests.Run_ReturnsAfterMain", 40);
        Assert.That(lines, Is.EqualTo(new[]
        {
            "K14 BuildYourOwnLoop › EventLoopTests.Run_ReturnsAfterMain: System.InvalidOperationException : Collection was modified.",
            "   at AsyncKatas.K14_BuildYourOwnLoop.EventLoop.Run(Func`1 main) in katas/K14_BuildYourOwnLoop/EventLoop.cs:37",
            "   at AsyncKatas.K14_BuildYourOwnLoop.EventLoop.<Post>b__3_0() in katas/K14_BuildYourOwnLoop/EventLoop.cs:52",
        }));
    }

    [Test]
    public void An_exception_outside_the_learners_code_says_where_the_stack_trace_is()
    {
        var lines = FailureText.Describe(
            new TestOutcomeRecord(KataCatalog.Get("K05"), "GatherTests.A", Outcome.Failed, "System.InvalidOperationException : K05 WaitAndGather › GatherTests.A: the test gives 3 line times but the snapshot has 4 lines.", HarnessStack),
            "K05 WaitAndGather › GatherTests.A", 40);
        Assert.That(lines, Has.Count.EqualTo(2));
        Assert.That(lines[1], Does.Contain("console;verbosity=normal"));
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
