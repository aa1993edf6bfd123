using KataRunner.Engine;
using KataRunner.Engine.Build;
using KataRunner.Engine.Running;

namespace KataRunner.Tests;

/// <summary>An engine without compiler or NUnit: each kata passes or fails as the test says, and every
/// run is recorded.</summary>
internal sealed class FakeEngine : IKataEngine
{
    public HashSet<string> Solved { get; } = [];
    public List<IReadOnlyCollection<string>> Runs { get; } = [];
    public IReadOnlyList<CompileError>? Errors { get; set; }

    public RunResult Run(IReadOnlyCollection<string> categories)
    {
        Runs.Add(categories);
        if (Errors is { } errors) return new RunResult(new CompileResult(null, null, errors, TimeSpan.Zero, 0), [], null, TimeSpan.Zero);
        var tests = categories.Select(c => new TestOutcome($"AsyncKatas.Tests.{c}.SomeTests.It_Works", c,
            Solved.Contains(c) ? Outcome.Passed : Outcome.Failed, Solved.Contains(c) ? "" : $"{c}: the output differs", "")).ToList();
        return new RunResult(new CompileResult([1], null, [], TimeSpan.Zero, 0), tests, null, TimeSpan.Zero);
    }

    public int RunsOf(string kataId) => Runs.Count(r => r.Count == 1 && r.Contains(kataId));
}
