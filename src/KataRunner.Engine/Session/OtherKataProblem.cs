using KataRunner.Engine.Build;
using KataRunner.Engine.Running;

namespace KataRunner.Engine.Session;

/// <summary>Which code of a kata that does not compile stood in for it, so that the others could run.</summary>
public enum StandIn
{
    /// <summary>The kata's last version that compiled.</summary>
    LastGoodVersion,
    /// <summary>The reference solution (the kata never compiled in this session).</summary>
    Reference,
}

/// <summary>
/// Another kata than the one on screen does not compile: its first diagnostic, how many it has, and what
/// was compiled in its place so that the current kata still ran. The screen shows one line per such kata.
/// </summary>
public sealed record OtherKataProblem(string KataId, CompileError FirstDiagnostic, int ErrorCount, StandIn UsedVersion);

/// <summary>
/// An engine that can compile around a broken kata says, for a run, which katas it had to replace. The
/// session asks an engine that implements this; an engine that does not simply has none to report.
/// </summary>
public interface IReportsOtherKatas
{
    IReadOnlyList<OtherKataProblem> OtherKataProblems(RunResult result);
}
