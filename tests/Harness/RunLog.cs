using System.Globalization;
using System.Text;

namespace AsyncKatas.Tests.Harness;

/// <summary>
/// With KATAS_RUN_LOG=path, every run on the virtual loop appends what it did (test, outcome, virtual
/// times, lines) to that file: everything that must be the same on every run, and nothing that may not
/// (wall time, CPU time, thread ids). tools/stress.sh compares these files across repeated runs.
/// </summary>
internal static class RunLog
{
    private static readonly object Gate = new();

    public static void Append(LoopRun run)
    {
        var path = Environment.GetEnvironmentVariable("KATAS_RUN_LOG");
        if (string.IsNullOrEmpty(path)) return;
        var text = new StringBuilder();
        text.Append(TestContext.CurrentContext.Test.FullName).Append(" | ").Append(run.Outcome)
            .Append(" | elapsed ").Append(Ms(run.Elapsed)).Append(" | timers fired ").Append(run.TimersFired)
            .Append(" | timers left ").Append(run.TimersLeft).Append('\n');
        foreach (var line in run.Lines) text.Append("  ").Append(Ms(line.At)).Append(' ').Append(line.Text).Append('\n');
        lock (Gate) { File.AppendAllText(path, text.ToString(), new UTF8Encoding(false)); }
    }

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
}
