using AsyncKatas.Catalog;
using KataRunner.Engine.Build;

namespace KataRunner.Engine.Running;

/// <summary>
/// Where the kata tests run: in this process (<see cref="InProcessHost"/>) or in a test process the runner
/// starts, and starts again when learner code outlives its run or the process stops (<see cref="Worker.WorkerHost"/>).
/// </summary>
public interface IKataHost : IDisposable
{
    /// <summary>Runs the tests of <paramref name="katas"/> (none: every test) against the compiled kata image.</summary>
    HostRun Run(TestsImage tests, CompileResult compile, IReadOnlyCollection<Kata> katas, string workDirectory);
}

/// <summary>What a host gives back from one run: each test's outcome, and what happened to the code after it.</summary>
/// <param name="LeftRunning">The katas of earlier runs whose code was still running (or still held) after their tests ended,
/// learned since the last result; the host stopped it. (A run's own leftovers are known only after its answer.)</param>
/// <param name="Problem">Why the tests could not run, when they could not (the test process stopped twice).</param>
public sealed record HostRun(IReadOnlyList<TestOutcome> Outcomes, IReadOnlyList<Kata>? LeftRunning = null, string? Problem = null);
