using System.Diagnostics;
using System.Text;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// The library's explanation of a run, in the kata's words: a stub not written yet points at the
/// learner's file, and an exception is located in kata code (katas/…/File.cs:line).
/// </summary>
public static class KataExplanation
{
    /// <summary>What happened, the likely cause and the fix, for a run of a kata program.</summary>
    public static string ExplainOutcome(LoopRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var frame = KataFrame(run.Exception);
        if (run.Outcome == LoopOutcome.NotStarted)
        {
            var text = new StringBuilder("not started yet: open ")
                .Append(frame is null ? $"katas/{run.Kata.Folder}/" : frame[..frame.LastIndexOf(':')])
                .Append(" and replace the NotImplementedException.");
            var message = run.Exception?.Message;
            if (!string.IsNullOrWhiteSpace(message) && message != new NotImplementedException().Message)
            {
                text.AppendLine().Append("  The stub says: ").Append(message);
            }
            return text.ToString();
        }
        // The library locates an exception at its first frame with a source file; a kata names the
        // learner's own file, relative to the repository.
        var lines = run.ExplainOutcome().Split('\n').Where(l => !l.StartsWith("  At: ", StringComparison.Ordinal));
        var explained = string.Join('\n', lines);
        return frame is null ? explained : $"{explained}\n  At: {frame}";
    }

    /// <summary>The first stack frame in kata code ("katas/K03_AwaitChains/AwaitChains.cs:12"), if any.</summary>
    internal static string? KataFrame(Exception? exception)
    {
        if (exception is null) return null;
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            var file = frame.GetFileName();
            if (file is null) continue;
            var path = file.Replace('\\', '/');
            foreach (var tree in new[] { "/katas/", "/solutions/" })
            {
                var at = path.LastIndexOf(tree, StringComparison.Ordinal);
                if (at >= 0) return $"{path[(at + 1)..]}:{frame.GetFileLineNumber()}";
            }
        }
        return null;
    }
}
