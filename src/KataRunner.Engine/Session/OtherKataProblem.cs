using AsyncKatas.Catalog;
using KataRunner.Engine.Build;
using KataRunner.Engine.Running;

namespace KataRunner.Engine.Session;

/// <summary>
/// Another kata than the one on screen does not compile: its first diagnostic, how many it has, and what
/// was compiled in its place so that the current kata still ran. The screen shows one line per such kata.
/// </summary>
public sealed record OtherKataProblem(Kata Kata, CompileError FirstDiagnostic, int ErrorCount, FallbackSource UsedVersion)
{
    public string KataId => Kata.Id;
}

/// <summary>
/// An engine that can compile around a broken kata says, for a run, which katas it had to replace. The
/// session asks an engine that implements this; an engine that does not simply has none to report.
/// </summary>
public interface IReportsOtherKatas
{
    IReadOnlyList<OtherKataProblem> OtherKataProblems(RunResult result);
}
