using AsyncKatas.Catalog;
using KataRunner.Engine.Build;

namespace KataRunner.Engine.Running;

/// <summary>
/// One run of the engine: the compile of the kata tree, then (when it built) the outcome of each test
/// that ran; or a problem that stopped it before the tests (the tests assembly did not build).
/// </summary>
public sealed record RunResult(CompileResult? Compile, IReadOnlyList<TestOutcome> Tests, string? Problem, TimeSpan TestTime)
{
    public bool Compiled => Compile is { Succeeded: true };

    /// <summary>Katas whose code, in an earlier run, was still running after their tests ended; the runner stopped it (<see cref="HostRun.LeftRunning"/>).</summary>
    public IReadOnlyList<Kata> LeftRunning { get; init; } = [];

    public static RunResult Failed(string problem) => new(null, [], problem, TimeSpan.Zero);

    /// <summary>The kata's verdict from this run.</summary>
    public KataStatus StatusOf(Kata kata)
    {
        if (Problem is not null) return KataStatus.Broken;
        if (!Compiled) return KataStatus.CompileError;
        var mine = Tests.Where(t => t.Kata == kata).ToList();
        if (mine.Count == 0) return KataStatus.NotRun;
        return mine.All(t => t.Outcome == Outcome.Passed) ? KataStatus.Solved : KataStatus.Failing;
    }
}

/// <summary>Where a kata stands.</summary>
public enum KataStatus
{
    NotRun,
    Failing,
    CompileError,
    Broken,
    Solved,
}
