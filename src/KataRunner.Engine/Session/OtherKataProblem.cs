using AsyncKatas.Catalog;
using KataRunner.Engine.Build;
using KataRunner.Engine.Running;

namespace KataRunner.Engine.Session;

/// <summary>
/// Another kata than the one on screen does not compile (its own last run said so): its first diagnostic and
/// how many it has. It does not stop the current kata, which compiles without it. The screen shows one line
/// per such kata.
/// </summary>
public sealed record OtherKataProblem(Kata Kata, CompileError FirstDiagnostic, int ErrorCount)
{
    public string KataId => Kata.Id;
}

/// <summary>
/// An engine that remembers which katas did not compile in their own last run says so after each run. The
/// session asks an engine that implements this; an engine that does not simply has none to report.
/// </summary>
public interface IReportsOtherKatas
{
    IReadOnlyList<OtherKataProblem> OtherKataProblems(RunResult result);
}
