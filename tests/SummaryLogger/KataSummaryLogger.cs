using System.Runtime.CompilerServices;
using AsyncKatas.Catalog;
using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Client;
using Microsoft.VisualStudio.TestPlatform.ObjectModel.Logging;

[assembly: InternalsVisibleTo("AsyncKatas.Tests")]

namespace AsyncKatas.TestLogger;

/// <summary>
/// Prints, after the test run, how many katas are solved and which one to open next. A kata counts as
/// solved when every one of its tests ran and passed. Enabled for every run by tests/katas.runsettings.
/// </summary>
[FriendlyName(FriendlyName)]
[ExtensionUri(Uri)]
public sealed class KataSummaryLogger : ITestLoggerWithParameters
{
    public const string FriendlyName = "kata-summary";
    public const string Uri = "logger://async-katas/kata-summary";

    private readonly object _gate = new();
    private readonly Dictionary<string, (int Passed, int Failed)> _byKata = new(StringComparer.Ordinal);

    public void Initialize(TestLoggerEvents events, string testRunDirectory) => Initialize(events, new Dictionary<string, string?>());

    public void Initialize(TestLoggerEvents events, Dictionary<string, string?> parameters)
    {
        ArgumentNullException.ThrowIfNull(events);
        events.TestResult += OnTestResult;
        events.TestRunComplete += OnTestRunComplete;
    }

    private void OnTestResult(object? sender, TestResultEventArgs e)
    {
        var kata = Categories(e.Result.TestCase).FirstOrDefault(IsKataId);
        if (kata is null) return;
        lock (_gate)
        {
            _byKata.TryGetValue(kata, out var counts);
            _byKata[kata] = e.Result.Outcome == TestOutcome.Passed ? (counts.Passed + 1, counts.Failed) : (counts.Passed, counts.Failed + 1);
        }
    }

    /// <summary>NUnit's adapter reports categories in the property NUnit.TestCategory (and as traits in some hosts).</summary>
    private static IEnumerable<string> Categories(TestCase test)
    {
        var property = test.Properties.FirstOrDefault(p => p.Id == "NUnit.TestCategory");
        var fromProperty = property is null ? [] : test.GetPropertyValue(property) as string[] ?? [];
        return fromProperty.Concat(test.Traits.Where(t => t.Name == "Category").Select(t => t.Value));
    }

    private static bool IsKataId(string category) =>
        category.Length == 3 && category[0] == 'K' && char.IsAsciiDigit(category[1]) && char.IsAsciiDigit(category[2]);

    private void OnTestRunComplete(object? sender, TestRunCompleteEventArgs e)
    {
        Dictionary<string, (int Passed, int Failed)> byKata;
        lock (_gate) { byKata = new(_byKata); }
        if (byKata.Count == 0) return;
        Console.WriteLine();
        Console.WriteLine(Summarize(byKata));
    }

    internal static string Summarize(IReadOnlyDictionary<string, (int Passed, int Failed)> byKata)
    {
        bool Solved(Kata k) => byKata.TryGetValue(k.Id, out var c) && c.Failed == 0 && c.Passed > 0;
        var ran = KataCatalog.All.Where(k => byKata.ContainsKey(k.Id)).ToList();
        var lines = new List<string>();
        if (ran.Count > 1)
        {
            var solved = ran.Count(Solved);
            lines.Add(ran.Count == KataCatalog.All.Count ? $"Katas solved: {solved} of {ran.Count}." : $"Katas solved: {solved} of the {ran.Count} that ran.");
            var next = ran.FirstOrDefault(k => !Solved(k));
            lines.Add(next is null
                ? "Every kata is solved. Well done!"
                : $"Next: {next.Id} {next.Folder[4..]} ({next.Topic}): open {next.ReadmePath}, then dotnet test --filter TestCategory={next.Id}");
        }
        else
        {
            foreach (var kata in ran)
            {
                var (passed, failed) = byKata[kata.Id];
                lines.Add(Solved(kata)
                    ? $"{kata.Id} {kata.Folder[4..]}: solved ({passed} of {passed} tests pass)."
                    : $"{kata.Id} {kata.Folder[4..]}: {passed} of {passed + failed} tests pass. Hints: {kata.HintsPath}");
            }
        }
        var width = lines.Max(l => l.Length);
        var rule = new string('─', Math.Min(width, 100));
        return string.Join(Environment.NewLine, [rule, .. lines, rule]);
    }
}
