using AsyncKatas.Catalog.Words;

namespace AsyncKatas.TestLogger;

/// <summary>
/// A failure that came with no <see cref="AsyncKatas.Catalog.KataFailureRecord"/> (<see cref="FailureView"/> prints a
/// recorded one from its record). Every failure of a kata test has one, an exception that escaped the test too
/// (tests/Support/EscapedExceptions.cs), so this is a failure outside a test's body (a set-up, a test host that
/// stopped) or a maintainer's test outside the katas: NUnit's message is shown as NUnit wrote it, after the test's
/// header, and never read for what it means.
/// </summary>
internal static class FailureText
{
    /// <summary>The lines to print for one failure, at most <paramref name="maxLines"/> of them.</summary>
    public static List<string> Describe(TestOutcomeRecord failure, string header, int maxLines)
    {
        var lines = (failure.Message ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd().Split('\n').Select(l => l.TrimEnd()).ToList();
        if (lines is [""]) return [KataVocabulary.Format(Vocabulary.FailedWithoutMessage, header)];
        lines[0] = $"{header}: {lines[0].TrimStart()}";
        return Cap(lines, maxLines);
    }

    /// <summary>What groups failures without a record: the same message (a failure without one is never the same as another).</summary>
    public static string Gist(TestOutcomeRecord failure) =>
        string.IsNullOrEmpty(failure.Message) ? "\0" + failure.Test : failure.Message.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    /// <summary>At most <paramref name="maxLines"/> lines, the last saying how many were left out.</summary>
    public static List<string> Cap(List<string> lines, int maxLines)
    {
        if (lines.Count <= maxLines) return lines;
        return [.. lines.Take(maxLines - 1), KataVocabulary.Format(Vocabulary.MoreLines, lines.Count - maxLines + 1)];
    }
}
