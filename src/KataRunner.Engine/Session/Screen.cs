using AsyncKatas.Catalog;
using KataRunner.Engine.Build;
using KataRunner.Engine.Running;

namespace KataRunner.Engine.Session;

/// <summary>
/// Everything the UI shows, and nothing it must compute: the progress, the current kata and its
/// status, its failing tests with NUnit's messages in full, its compile errors (other files' errors
/// summarized), the hints revealed so far, the kata list when asked, and a notice.
/// </summary>
public sealed record Screen(
    int Solved,
    int Total,
    Kata Kata,
    KataStatus Status,
    int TestsPassed,
    int TestsRun,
    IReadOnlyList<TestOutcome> Failures,
    IReadOnlyList<CompileError> Errors,
    string? OtherErrors,
    IReadOnlyList<Hint> HintsShown,
    int HintsTotal,
    IReadOnlyList<(Kata Kata, KataStatus Status)>? List,
    string? Notice,
    string? Problem,
    TimeSpan? RunTime)
{
    public const string Keys = "h hint · n next · p previous · l list · r re-run · q quit";
}
