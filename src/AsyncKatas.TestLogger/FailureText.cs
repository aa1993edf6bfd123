using System.Text.RegularExpressions;
using AsyncKatas.Catalog;
using AsyncKatas.Catalog.Words;

namespace AsyncKatas.TestLogger;

/// <summary>
/// Turns a test's raw failure (NUnit's message and stack trace) into what a learner needs: the kata's
/// own explanation, without the NUnit lines that repeat it and without stack traces, except for an
/// exception thrown by the learner's code, whose frames in katas/ (or solutions/) are kept.
/// Only for a failure the kata support did not write, so that no <see cref="KataFailureRecord"/> came with it
/// (<see cref="FailureView"/> prints a recorded one from its record): an exception thrown by the learner's code
/// that escaped the test, an NUnit assertion outside the kata layer, a test that failed without a message.
/// </summary>
internal static partial class FailureText
{
    private const string MultipleFailures = "Multiple failures or warnings in test:";

    /// <summary>The lines to print for one failure, at most <paramref name="maxLines"/> of them.</summary>
    public static List<string> Describe(TestOutcomeRecord failure, string header, int maxLines)
    {
        var message = (failure.Message ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();
        var lines = new List<string>();
        if (IsException(message))
        {
            lines.AddRange(Prefixed(header, StripStackLines(message.Split('\n')).ToList()));
            // An async method shows twice in a row (the state machine and its caller's stub): once is enough.
            var frames = LearnerFrames(failure.StackTrace).ToList();
            frames = frames.Where((frame, i) => i == 0 || frame != frames[i - 1]).ToList();
            lines.AddRange(frames.Count > 0
                ? frames
                : [Vocabulary.NoLearnerFrame]);
        }
        else if (message.StartsWith(MultipleFailures, StringComparison.Ordinal))
        {
            var items = Items(message.Split('\n').Skip(1).ToList());
            lines.Add(KataVocabulary.Format(Vocabulary.ItemsFailed, header, items.Count));
            for (var i = 0; i < items.Count; i++)
            {
                var item = CleanAssertion(items[i]);
                if (item.Count == 0) continue;
                lines.Add($"  {i + 1}) {item[0].Trim()}");
                lines.AddRange(item.Skip(1).Select(l => "     " + l));
            }
        }
        else
        {
            lines.AddRange(Prefixed(header, CleanAssertion(message.Split('\n').ToList())));
        }
        return Cap(lines, maxLines);
    }

    /// <summary>
    /// What a failure says once what is the test's own is left out (its name in the header, the lines that
    /// name a file it attached, such as its received snapshot): failures with the same gist are shown once.
    /// </summary>
    public static string Gist(TestOutcomeRecord failure)
    {
        if (string.IsNullOrEmpty(failure.Message)) return "\0" + failure.Test;
        var files = (failure.Attachments ?? []).Select(Path.GetFileName).OfType<string>().ToList();
        var lines = failure.Message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(l => !files.Exists(file => l.Contains(file, StringComparison.Ordinal)))
            .Select(l => l.Replace(failure.Test, "", StringComparison.Ordinal));
        return string.Join('\n', lines).Trim();
    }

    /// <summary>NUnit reports an exception as "System.InvalidOperationException : message".</summary>
    public static bool IsException(string message) => ExceptionMessage().IsMatch(message);

    /// <summary>
    /// The frames of a stack trace whose file is the learner's (under katas/Kxx_ or solutions/Kxx_), as
    /// "   at Type.Method() in katas/K01_EventLoop/TwoWorkers.cs:12".
    /// </summary>
    public static IEnumerable<string> LearnerFrames(string? stackTrace)
    {
        if (string.IsNullOrEmpty(stackTrace)) yield break;
        foreach (var raw in stackTrace.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var match = StackFrame().Match(raw);
            if (!match.Success || KataCatalog.CodePath(match.Groups["file"].Value) is not { } relative) continue;
            yield return $"   at {match.Groups["method"].Value} in {relative}:{match.Groups["line"].Value}";
        }
    }

    /// <summary>
    /// One assertion's message without what NUnit adds after a custom message (the "Assert.That(...)" line,
    /// Expected / But was) and without stack lines. An assertion without a custom message keeps NUnit's lines.
    /// </summary>
    public static List<string> CleanAssertion(IReadOnlyList<string> lines)
    {
        var kept = StripStackLines(lines).ToList();
        var raw = kept.FindIndex(l => NUnitAssertLine().IsMatch(l));
        if (raw > 0 && kept.Take(raw).Any(l => l.Trim().Length > 0)) kept = kept.Take(raw).ToList();
        return TrimBlankLines(kept);
    }

    private static IEnumerable<string> StripStackLines(IEnumerable<string> lines) =>
        lines.Where(l => !StackLine().IsMatch(l) && !l.TrimStart().StartsWith("--- End of ", StringComparison.Ordinal));

    /// <summary>The numbered items of NUnit's "Multiple failures or warnings in test:" message.</summary>
    private static List<List<string>> Items(IReadOnlyList<string> lines)
    {
        var items = new List<List<string>>();
        foreach (var line in lines)
        {
            var match = ItemStart().Match(line);
            if (match.Success) items.Add([match.Groups["text"].Value]);
            else if (items.Count > 0) items[^1].Add(line);
        }
        return items;
    }

    /// <summary>Starts the message with the test's header unless the kata's message already names it.</summary>
    private static List<string> Prefixed(string header, List<string> lines)
    {
        lines = TrimBlankLines(lines);
        if (lines.Count == 0) return [KataVocabulary.Format(Vocabulary.FailedWithoutMessage, header)];
        // The kata support begins its messages with the same header (KataVocabulary.FailureHeader): the kata's part of it is enough to know.
        var kataPart = header.Contains(KataVocabulary.Separator, StringComparison.Ordinal) ? header[..(header.IndexOf(KataVocabulary.Separator, StringComparison.Ordinal) + KataVocabulary.Separator.Length)] : null;
        if (kataPart is null || !lines[0].TrimStart().StartsWith(kataPart, StringComparison.Ordinal)) lines[0] = $"{header}: {lines[0].TrimStart()}";
        return lines;
    }

    private static List<string> TrimBlankLines(List<string> lines)
    {
        var result = new List<string>();
        foreach (var line in lines)
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Length == 0 && (result.Count == 0 || result[^1].Length == 0)) continue;
            result.Add(trimmed);
        }
        while (result.Count > 0 && result[^1].Length == 0) result.RemoveAt(result.Count - 1);
        return result;
    }

    /// <summary>At most <paramref name="maxLines"/> lines, the last saying how many were left out.</summary>
    public static List<string> Cap(List<string> lines, int maxLines)
    {
        if (lines.Count <= maxLines) return lines;
        return [.. lines.Take(maxLines - 1), KataVocabulary.Format(Vocabulary.MoreLines, lines.Count - maxLines + 1)];
    }

    [GeneratedRegex(@"^[A-Za-z_][\w.`+]*(Exception|Error)(`\d+)?(\[[^\]]*\])? : ")]
    private static partial Regex ExceptionMessage();

    [GeneratedRegex(@"^\s*at (?<method>.+?) in (?<file>.+?):line (?<line>\d+)\s*$")]
    private static partial Regex StackFrame();

    [GeneratedRegex(@"^\s*at \S.*\)( in .+:line \d+)?\s*$")]
    private static partial Regex StackLine();

    [GeneratedRegex(@"^\s{0,4}(?<n>\d+)\)\s+(?<text>.*)$")]
    private static partial Regex ItemStart();

    [GeneratedRegex(@"^\s*Assert\.\w+\(")]
    private static partial Regex NUnitAssertLine();
}
