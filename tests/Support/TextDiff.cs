using System.Globalization;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// The learner's main screen: a line diff of the article's output against theirs (DiffPlex), each line
/// with the virtual time it was printed at, and the differences the eye misses named in words
/// (look-alike punctuation, trailing spaces, a missing or extra final newline).
/// </summary>
public static class TextDiff
{
    /// <param name="expected">The article's output.</param>
    /// <param name="actual">What the program printed.</param>
    /// <param name="expectedTimes">The article's time for each expected line, if known.</param>
    /// <param name="actualTimes">The virtual time each printed line was printed at, if known.</param>
    /// <param name="actualOutsideLoop">Marks printed lines written from outside the loop.</param>
    public static string Describe(
        string expected,
        string actual,
        IReadOnlyList<TimeSpan>? expectedTimes = null,
        IReadOnlyList<TimeSpan>? actualTimes = null,
        IReadOnlyList<bool>? actualOutsideLoop = null)
    {
        var model = InlineDiffBuilder.Diff(TrimFinalNewline(expected), TrimFinalNewline(actual), ignoreWhiteSpace: false, ignoreCase: false);
        var width = Math.Min(48, model.Lines.Select(l => DisplayWidth(l.Text ?? "")).DefaultIfEmpty(0).Max());
        var text = new StringBuilder();
        text.AppendLine(KataText.Text("Diff.Header"));
        int e = 0, a = 0;
        foreach (var line in model.Lines)
        {
            var content = line.Text ?? "";
            switch (line.Type)
            {
                case ChangeType.Unchanged:
                    var te = At(expectedTimes, e);
                    var ta = At(actualTimes, a);
                    var outside = At(actualOutsideLoop, a);
                    text.Append("    ").Append(Pad(content, width)).Append(' ');
                    if (te is not null && ta is not null && te != ta)
                    {
                        text.Append(KataText.Format("Diff.WrongMoment", Seconds(ta.Value), Seconds(te.Value)));
                    }
                    else
                    {
                        text.Append('[').Append(Seconds((ta ?? te) ?? TimeSpan.Zero)).Append(']');
                    }
                    if (outside == true) text.Append(KataText.Text("Diff.OutsideTheLoop"));
                    text.AppendLine();
                    e++;
                    a++;
                    break;
                case ChangeType.Deleted:
                    text.Append("  - ").Append(Pad(content, width)).Append(' ');
                    text.AppendLine(At(expectedTimes, e) is { } t1 ? $"[{Seconds(t1)}]" : "");
                    e++;
                    break;
                default: // Inserted
                    text.Append("  + ").Append(Pad(content, width)).Append(' ');
                    text.Append(At(actualTimes, a) is { } t2 ? $"[{Seconds(t2)}]" : "");
                    if (At(actualOutsideLoop, a) == true) text.Append(KataText.Text("Diff.OutsideTheLoop"));
                    text.AppendLine();
                    a++;
                    break;
            }
        }
        var body = text.ToString().TrimEnd('\n', '\r').Split('\n');
        var capped = new List<string> { body[0] };
        capped.AddRange(Listing.Capped(body.Skip(1).ToList(), head: 24, tail: 6, what: KataText.Text("Listing.DiffLines"), indent: "    "));
        var notes = Notes(expected, actual).ToList();
        capped.AddRange(notes.Take(4).Select(n => KataText.Format("Diff.Note", n)));
        if (notes.Count > 4) capped.Add(KataText.Format("Diff.MoreNotes", notes.Count - 4));
        return string.Join('\n', capped);
    }

    /// <summary>Differences that are hard to see in a diff, in words.</summary>
    public static IEnumerable<string> Notes(string expected, string actual)
    {
        var expectedEndsWithNewline = expected.EndsWith('\n');
        var actualEndsWithNewline = actual.EndsWith('\n');
        if (expected.Length > 0 && actual.Length > 0 && expectedEndsWithNewline != actualEndsWithNewline)
        {
            yield return expectedEndsWithNewline
                ? KataText.Text("Diff.NoFinalNewline")
                : KataText.Text("Diff.ExtraFinalNewline");
        }
        if (actual.EndsWith("\n\n", StringComparison.Ordinal) && !expected.EndsWith("\n\n", StringComparison.Ordinal))
        {
            yield return KataText.Text("Diff.ExtraEmptyLine");
        }
        if (actual.Contains('\r'))
        {
            yield return KataText.Text("Diff.CarriageReturn");
        }
        var expectedLines = TrimFinalNewline(expected).Split('\n');
        var actualLines = TrimFinalNewline(actual).Split('\n');
        for (var i = 0; i < actualLines.Length; i++)
        {
            var line = actualLines[i];
            var trailing = line.Length - line.TrimEnd(' ', '\t').Length;
            var expectedTrailing = i < expectedLines.Length ? expectedLines[i].Length - expectedLines[i].TrimEnd(' ', '\t').Length : 0;
            if (trailing > 0 && trailing != expectedTrailing)
            {
                yield return KataText.Format("Diff.TrailingSpace", i + 1, trailing);
            }
        }
        foreach (var note in LookAlikes(expectedLines, actualLines)) yield return note;
    }

    private static IEnumerable<string> LookAlikes(string[] expectedLines, string[] actualLines)
    {
        var expectedSet = expectedLines.ToHashSet(StringComparer.Ordinal);
        var byFolded = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in expectedLines) byFolded.TryAdd(Fold(line), line);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actualLines.Length; i++)
        {
            var line = actualLines[i];
            if (expectedSet.Contains(line) || !byFolded.TryGetValue(Fold(line), out var twin)) continue;
            // The part that differs: what is left once the common start and end are cut off.
            var start = 0;
            while (start < line.Length && start < twin.Length && line[start] == twin[start]) start++;
            var end = 0;
            while (end < line.Length - start && end < twin.Length - start && line[^(end + 1)] == twin[^(end + 1)]) end++;
            var yours = line[start..^end];
            var theirs = twin[start..^end];
            var what = yours.Length == 0 ? KataText.Format("Diff.IsMissing", Show(theirs))
                : theirs.Length == 0 ? KataText.Format("Diff.HasExtra", Show(yours))
                : KataText.Format("Diff.HasInstead", Show(yours), Show(theirs));
            if (reported.Add(what)) yield return KataText.Format("Diff.LooksLike", i + 1, what);
        }
    }

    private static string Show(string text) => $"'{text}' ({string.Join(" ", text.Select(CodePoint))})";

    /// <summary>Folds full-width forms to ASCII and drops white space: what a reader's eye does.</summary>
    private static string Fold(string line)
    {
        var text = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            var folded = c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3002' => '.',
                '\u201C' or '\u201D' => '"',
                '\u2018' or '\u2019' => '\'',
                _ => c,
            };
            if (!char.IsWhiteSpace(folded)) text.Append(folded);
        }
        return text.ToString();
    }

    private static string CodePoint(char c) => $"U+{(int)c:X4}";

    private static string TrimFinalNewline(string text) => text.EndsWith('\n') ? text[..^1] : text;

    private static T? At<T>(IReadOnlyList<T>? list, int index) where T : struct =>
        list is not null && index < list.Count ? list[index] : null;

    /// <summary>A virtual time in the kata messages: seconds with one to three decimals and the unit ("1.5 s"), as the library writes them.</summary>
    public static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture) + " s";

    private static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - DisplayWidth(text)));

    /// <summary>Columns a terminal gives the text: East Asian wide and full-width characters take two.</summary>
    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var c in text)
        {
            width += c switch
            {
                >= '\u1100' and <= '\u115F' => 2,
                >= '\u2E80' and <= '\uA4CF' => 2,
                >= '\uAC00' and <= '\uD7A3' => 2,
                >= '\uF900' and <= '\uFAFF' => 2,
                >= '\uFE30' and <= '\uFE4F' => 2,
                >= '\uFF00' and <= '\uFF60' => 2,
                >= '\uFFE0' and <= '\uFFE6' => 2,
                _ => 1,
            };
        }
        return width;
    }
}
