namespace AsyncKatas.Tests.Support;

/// <summary>
/// Printed lines with the virtual time each was printed at, as "text [1.5 s]": one string per line, so a
/// test can compare what and when in one <see cref="Judge.Sequence{T}"/> and the evidence shows both.
/// </summary>
public static class TimedLines
{
    /// <summary>What <paramref name="run"/> printed, each line with its virtual time.</summary>
    public static IReadOnlyList<string> Of(LoopRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return [.. run.Lines.Select(l => Line(l.Text, l.At))];
    }

    /// <summary>The expected lines, each with the virtual second it is due at.</summary>
    public static IReadOnlyList<string> Expected(params (string Text, double At)[] lines) =>
        [.. lines.Select(l => Line(l.Text, TimeSpan.FromMilliseconds(Math.Round(l.At * 1000))))];

    /// <summary>The text of a timed line, without its time.</summary>
    public static string Text(string timedLine)
    {
        ArgumentNullException.ThrowIfNull(timedLine);
        var at = timedLine.LastIndexOf(" [", StringComparison.Ordinal);
        return at < 0 ? timedLine : timedLine[..at];
    }

    /// <summary>
    /// Fails unless <paramref name="run"/> completed and printed exactly <paramref name="expected"/>, each line at its
    /// virtual second; the verdict says whether only the moments differ.
    /// </summary>
    /// <param name="run">The run to check.</param>
    /// <param name="what">What the run did, in the learner's terms ("ReadFirstAsync(feed, 2) of a feed of ten pages").</param>
    /// <param name="expected">Each expected line with its virtual second.</param>
    /// <param name="fix">What to do when they differ.</param>
    public static void Check(LoopRun run, string what, (string Text, double At)[] expected, string fix)
    {
        KataVerifier.AssertCompleted(run);
        var printed = Of(run);
        var wanted = Expected(expected);
        var sameText = printed.Select(Text).SequenceEqual(wanted.Select(Text));
        RunTimelines.Expect(expected.Select(e => new ExpectedLine(e.Text, e.At)));
        Judge.Sequence(printed, wanted,
            KataText.Format("Judge.TimedLines", what, KataText.Text(sameText ? "Judge.TimedLines.WrongMoments" : "Judge.TimedLines.OtherLines")), fix);
    }

    private static string Line(string text, TimeSpan at) =>
        $"{text} [{TextDiff.Seconds(TimeSpan.FromMilliseconds(Math.Round(at.TotalMilliseconds)))}]";
}
