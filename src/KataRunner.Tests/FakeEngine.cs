using AsyncKatas.Catalog;
using KataRunner.Engine;
using KataRunner.Engine.Build;
using KataRunner.Engine.Running;
using KataRunner.Engine.Session;

namespace KataRunner.Tests;

/// <summary>An engine without compiler or NUnit: each kata passes or fails as the test says (one test per
/// kata, or the tests set in <see cref="Tests"/>), and every run is recorded.</summary>
internal sealed class FakeEngine : IKataEngine, IReportsOtherKatas, IReportsLeftRunning
{
    public HashSet<string> Solved { get; } = [];
    public List<IReadOnlyCollection<string>> Runs { get; } = [];
    public IReadOnlyList<CompileError>? Errors { get; set; }

    /// <summary>A kata's tests, when one test per kata is not enough.</summary>
    public Dictionary<string, List<TestOutcome>> Tests { get; } = [];

    /// <summary>The katas whose runs leave code running after their tests (the host stopped it).</summary>
    public HashSet<string> LeavesCodeRunning { get; } = [];

    /// <summary>What the next runs report of other katas that did not compile.</summary>
    public List<OtherKataProblem> OtherKatas { get; } = [];

    public RunResult Run(IReadOnlyCollection<Kata> katas)
    {
        IReadOnlyCollection<string> categories = [.. katas.Select(k => k.Id)];
        Runs.Add(categories);
        if (Errors is { } errors) return new RunResult(new CompileResult(null, null, errors, TimeSpan.Zero, 0), [], null, TimeSpan.Zero);
        var tests = categories.SelectMany(c => Tests.TryGetValue(c, out var set) ? set : [OneTest(c)]).ToList();
        return new RunResult(new CompileResult([1], null, [], TimeSpan.Zero, 0), tests, null, TimeSpan.Zero)
        {
            LeftRunning = [.. katas.Where(k => LeavesCodeRunning.Contains(k.Id))],
        };
    }

    public IReadOnlyList<OtherKataProblem> OtherKataProblems(RunResult result) => [.. OtherKatas];

    private readonly LeftRunningReports _foundBetweenRuns = new();

    public event Action? LeftRunningFound
    {
        add => _foundBetweenRuns.Found += value;
        remove => _foundBetweenRuns.Found -= value;
    }

    /// <summary>As the test process does between runs: code of <paramref name="kata"/>'s last run outlived it.</summary>
    public void FindLeftRunning(Kata kata) => _foundBetweenRuns.Add([kata]);

    public IReadOnlyList<Kata> TakeLeftRunning() => _foundBetweenRuns.Take();

    public int RunsOf(string kataId) => Runs.Count(r => r.Count == 1 && r.Contains(kataId));

    private TestOutcome OneTest(string kata) => new($"AsyncKatas.Tests.{kata}.SomeTests.It_Works", KataCatalog.Find(kata),
        Solved.Contains(kata) ? Outcome.Passed : Outcome.Failed, Solved.Contains(kata) ? "" : $"{kata}: the output differs", "");

    /// <summary>
    /// A failing test of <paramref name="kata"/> as tests/Support fails one: the message "Kxx Name › Class.Test: "
    /// + <paramref name="gist"/> + the <paramref name="trailer"/> (hint, received file), and the kind and gist it records.
    /// </summary>
    public static TestOutcome Failing(string kata, string test, string gist, string? name = null, FailureKind kind = FailureKind.Bare, string? trailer = null)
    {
        var header = $"{kata} {name ?? "Kata"} › SomeTests.{test}";
        var message = $"{header}: {gist}" + (trailer is null ? "" : "\n" + trailer);
        return new TestOutcome($"AsyncKatas.Tests.{kata}.SomeTests.{test}", KataCatalog.Find(kata), Outcome.Failed, message, "", kind, gist);
    }

    /// <summary>A failing test whose failure tests/Support did not write (an exception, NUnit's own words): no kind, no gist recorded.</summary>
    public static TestOutcome Threw(string kata, string test, string message) =>
        new($"AsyncKatas.Tests.{kata}.SomeTests.{test}", KataCatalog.Find(kata), Outcome.Failed, message, "");

    public static TestOutcome Passing(string kata, string test) => new($"AsyncKatas.Tests.{kata}.SomeTests.{test}", KataCatalog.Find(kata), Outcome.Passed, "", "");
}
