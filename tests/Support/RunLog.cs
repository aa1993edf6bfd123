using System.Globalization;
using System.Text;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// With KATAS_RUN_LOG=path, every run on the virtual loop appends what it did (test, outcome, virtual
/// times, lines) to that file: everything that must be the same on every run, and nothing that may not
/// (wall time, CPU time, thread ids). tools/stress.sh compares these files across repeated runs.
/// </summary>
internal static class RunLog
{
    private static readonly object Gate = new();

    public static void Append(Kata kata, LoopRun run)
    {
        AppendTiming(kata, run.WallTime, run.Elapsed);
        var path = Environment.GetEnvironmentVariable("KATAS_RUN_LOG");
        if (string.IsNullOrEmpty(path)) return;
        var text = new StringBuilder();
        text.Append(TestContext.CurrentContext.Test.FullName).Append(" | ").Append(run.Outcome)
            .Append(" | elapsed ").Append(Ms(run.Elapsed)).Append(" | timers fired ").Append(run.TimersFired)
            .Append(" | timers left ").Append(run.TimersLeft).Append('\n');
        foreach (var line in run.Lines) text.Append("  ").Append(Ms(line.At)).Append(' ').Append(line.Text).Append('\n');
        lock (Gate) { File.AppendAllText(path, text.ToString(), new UTF8Encoding(false)); }
    }

    /// <summary>
    /// With KATAS_TIMING_LOG=path: one tab-separated line per run (test, the test's kata category or
    /// Support, wall ms, virtual ms), for bench/run.sh. Also for loops other than the virtual loop (K14).
    /// </summary>
    internal static void AppendTiming(Kata kata, TimeSpan wallTime, TimeSpan elapsed)
    {
        var path = Environment.GetEnvironmentVariable("KATAS_TIMING_LOG");
        if (string.IsNullOrEmpty(path)) return;
        var test = TestContext.CurrentContext.Test;
        var category = test.ClassName is { } name && name.Contains(".SupportTests.", StringComparison.Ordinal) ? "Support" : kata.Id;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{test.FullName}\t{category}\t{wallTime.TotalMilliseconds:0.0}\t{elapsed.TotalMilliseconds:0}\n");
        lock (Gate) { File.AppendAllText(path, line, new UTF8Encoding(false)); }
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
}
