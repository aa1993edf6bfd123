using System.Runtime.CompilerServices;
using AsyncKatas.Catalog;
using AsyncKatas.Catalog.Words;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

[assembly: InternalsVisibleTo("AsyncKatas.SupportTests")]

namespace AsyncKatas.TestLogger;

/// <summary>
/// The learner's view of a `dotnet test` run of the kata tests, printed when the run ends: a progress
/// bar, one line per kata (solved, in progress, not started), the failures of the first unsolved kata,
/// and what to do next. Enabled for every run by tests/katas.runsettings; the console logger is quiet
/// for that project (tests/Directory.Build.props), so this is all the learner reads.
/// <c>--logger "console;verbosity=normal"</c> brings every test's full message and stack trace back;
/// IDE test explorers always show them.
/// </summary>
[FriendlyName(FriendlyName)]
[ExtensionUri(Uri)]
public sealed class KataSummaryLogger : ITestLoggerWithParameters
{
    public const string FriendlyName = "kata-summary";
    public const string Uri = "logger://async-katas/kata-summary";

    private readonly object _gate = new();
    private readonly List<TestOutcomeRecord> _results = [];

    public void Initialize(TestLoggerEvents events, string testRunDirectory) => Initialize(events, new Dictionary<string, string?>());

    public void Initialize(TestLoggerEvents events, Dictionary<string, string?> parameters)
    {
        ArgumentNullException.ThrowIfNull(events);
        UiLanguage.Use(UiLanguage.Choose());
        events.TestResult += OnTestResult;
        events.TestRunComplete += OnTestRunComplete;
    }

    private void OnTestResult(object? sender, TestResultEventArgs e)
    {
        var result = e.Result;
        var outcome = result.Outcome switch
        {
            TestOutcome.Passed => Outcome.Passed,
            TestOutcome.Failed => Outcome.Failed,
            _ => Outcome.NotRun,
        };
        var attachments = result.Attachments.SelectMany(set => set.Attachments).Select(a => a.Uri.IsFile ? a.Uri.LocalPath : a.Uri.ToString()).ToList();
        var record = ResultOf(Categories(result.TestCase), TestName(result.TestCase), outcome, result.ErrorMessage, result.ErrorStackTrace, attachments);
        lock (_gate) { _results.Add(record); }
    }

    /// <summary>
    /// One test's result: its kata from its categories (else from the records it attached), and, when it failed,
    /// the <see cref="KataFailureRecord"/>s the kata support attached (read from their files).
    /// </summary>
    internal static TestOutcomeRecord ResultOf(IEnumerable<string> categories, string test, Outcome outcome, string? message, string? stackTrace,
        IReadOnlyList<string> attachments)
    {
        var records = outcome == Outcome.Failed ? FailureView.Records(attachments) : [];
        var kata = categories.Select(KataCatalog.Find).FirstOrDefault(k => k is not null)
            ?? records.Select(r => KataCatalog.Find(r.KataId)).FirstOrDefault(k => k is not null);
        return new TestOutcomeRecord(kata, test, outcome, message, stackTrace, attachments, records);
    }

    /// <summary>"TwoWorkersTests.TwoWorkers_TakeTurns_OnOneLoop": the class and the test, as the kata messages name them.</summary>
    private static string TestName(TestCase test)
    {
        var name = test.FullyQualifiedName;
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        var head = paren < 0 ? name : name[..paren];
        var lastDot = head.LastIndexOf('.');
        var classDot = lastDot <= 0 ? -1 : head.LastIndexOf('.', lastDot - 1);
        return classDot < 0 ? test.DisplayName : name[(classDot + 1)..lastDot] + "." + test.DisplayName;
    }

    /// <summary>NUnit's adapter reports categories in the property NUnit.TestCategory (and as traits in some hosts).</summary>
    private static IEnumerable<string> Categories(TestCase test)
    {
        var property = test.Properties.FirstOrDefault(p => p.Id == "NUnit.TestCategory");
        var fromProperty = property is null ? [] : test.GetPropertyValue(property) as string[] ?? [];
        return fromProperty.Concat(test.Traits.Where(t => t.Name == "Category").Select(t => t.Value));
    }

    private void OnTestRunComplete(object? sender, TestRunCompleteEventArgs e)
    {
        List<TestOutcomeRecord> results;
        lock (_gate) { results = [.. _results]; }
        var root = RepositoryRoot();
        var stubs = root is null ? null : ShippedStubs.Load(Path.Combine(root, "katas"));
        var summary = Summarize(results, new SummaryOptions(
            HasWatchRunner: root is not null && Directory.Exists(Path.Combine(root, "src", "KataRunner")),
            Untouched: stubs is null ? null : stubs.Untouched));
        if (summary.Length == 0) return;
        Console.WriteLine();
        Console.WriteLine(summary);
    }

    /// <summary>The repository the tests were built from (the folder of Katas.sln above this logger), if any.</summary>
    private static string? RepositoryRoot()
    {
        for (var dir = Path.GetDirectoryName(typeof(KataSummaryLogger).Assembly.Location); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Katas.sln"))) return dir;
        }
        return null;
    }

    /// <summary>The summary from per-kata counts alone (no messages): kept for callers that only count.</summary>
    internal static string Summarize(IReadOnlyDictionary<string, (int Passed, int Failed)> byKata) =>
        Summarize([
            .. byKata.SelectMany(pair =>
                Enumerable.Range(0, pair.Value.Passed).Select(i => new TestOutcomeRecord(KataCatalog.Find(pair.Key), $"Test{i}", Outcome.Passed))
                    .Concat(Enumerable.Range(0, pair.Value.Failed).Select(i => new TestOutcomeRecord(KataCatalog.Find(pair.Key), $"Failing{i}", Outcome.Failed)))),
        ]);

    /// <summary>The learner's view of a run; empty when no kata test ran and nothing failed.</summary>
    internal static string Summarize(IReadOnlyList<TestOutcomeRecord> results, SummaryOptions? options = null) =>
        new SummaryWriter(results, options ?? new SummaryOptions()).Write();
}

internal enum Outcome { Passed, Failed, NotRun }

/// <summary>One test's result as the summary needs it: its kata from its category (null for a test of no kata).</summary>
/// <param name="Attachments">The paths of the files the test attached (a received snapshot, its failure records).</param>
/// <param name="Records">What the kata support recorded of its failure(s), read from the attached files; none for a
/// failure it did not write, which is then read from <paramref name="Message"/>.</param>
internal sealed record TestOutcomeRecord(Kata? Kata, string Test, Outcome Outcome, string? Message = null, string? StackTrace = null,
    IReadOnlyList<string>? Attachments = null, IReadOnlyList<KataFailureRecord>? Records = null);

/// <summary>
/// Limits that keep the summary short: failures shown in full for the kata to work on (more when only one
/// kata ran) and the lines they may take in a run of every kata, lines per failure message (the kata
/// support caps its messages at 60 lines too), failing tests outside the katas.
/// </summary>
/// <param name="Untouched">Whether a kata's files are as shipped (<see cref="ShippedStubs"/>); null: only its failures tell.</param>
internal sealed record SummaryOptions(
    bool HasWatchRunner = true,
    Func<Kata, bool>? Untouched = null,
    int FailuresShown = 3,
    int FailureLines = 60,
    int FailuresShownForOneKata = 10,
    int MessageLines = 60,
    int OtherFailuresShown = 5);
