using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace KataRunner.Ui;

/// <summary>
/// Text or markup wrapped as a reader expects: at spaces, and between Chinese characters; a word longer than the line (a path, a test's
/// full name) at its own boundaries (after a '/' or '\', before a '.'); only a word with none of those is
/// cut, and never a name where one of them would do. Spectre.Console alone cuts such a word at the edge
/// ("…OneSecondApart.re" / "ceived.txt"). Each line's continuation lines hang under its indentation, after
/// <paramref name="continuation"/>'s prefix when one is given (a code block's comment carries on as a comment).
/// </summary>
internal sealed class Wrapped(IRenderable inner, Func<string, int, string>? continuation = null) : Renderable
{
    private const int Unwrapped = 100_000;

    public Wrapped(string text, Style? style = null) : this(new Text(text, style ?? Style.Plain))
    {
    }

    /// <summary>Markup (Spectre's syntax), wrapped.</summary>
    public static Wrapped Markup(string markup) => new(new Markup(markup));

    protected override Measurement Measure(RenderOptions options, int maxWidth)
    {
        var widest = Lines(options).Select(l => l.Sum(c => c.Char.GetCellWidth())).DefaultIfEmpty(0).Max();
        return new Measurement(Math.Min(maxWidth, Math.Min(widest, 10)), Math.Min(maxWidth, widest));
    }

    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var first = true;
        foreach (var line in Lines(options))
        {
            foreach (var wrapped in Wrap(line, Math.Max(1, maxWidth), continuation))
            {
                if (!first) yield return Segment.LineBreak;
                first = false;
                foreach (var segment in Segments(wrapped)) yield return segment;
            }
        }
    }

    /// <summary>One styled character.</summary>
    internal readonly record struct Cell(char Char, Style Style);

    private List<List<Cell>> Lines(RenderOptions options) =>
    [
        .. Segment.SplitLines(inner.Render(options, Unwrapped))
            .Select(line => line.Where(s => !s.IsControlCode).SelectMany(s => s.Text.Select(c => new Cell(c, s.Style))).ToList()),
    ];

    /// <summary>
    /// Splits one line into lines at most <paramref name="width"/> cells wide. A continuation starts with the
    /// line's indentation, or with what <paramref name="continuation"/> says given the line and where it broke.
    /// </summary>
    internal static List<List<Cell>> Wrap(List<Cell> line, int width, Func<string, int, string>? continuation = null)
    {
        var text = new string([.. line.Select(c => c.Char)]);
        var indent = text.Length - text.TrimStart(' ').Length;
        var result = new List<List<Cell>>();
        var start = 0;
        var prefix = new List<Cell>();
        while (true)
        {
            var room = width - prefix.Sum(c => c.Char.GetCellWidth());
            if (room < 10) { prefix = []; room = width; }
            var end = start;
            var used = 0;
            while (end < line.Count && used + line[end].Char.GetCellWidth() <= room) used += line[end++].Char.GetCellWidth();
            if (end >= line.Count)
            {
                result.Add([.. prefix, .. line.Skip(start)]);
                return result;
            }
            var cut = Break(text, start, end);
            result.Add([.. prefix, .. line.Skip(start).Take(cut - start).Reverse().SkipWhile(c => c.Char == ' ').Reverse()]);
            start = cut;
            while (start < line.Count && line[start].Char == ' ') start++;
            if (start >= line.Count) return result;
            var lead = continuation?.Invoke(text, start) ?? new string(' ', indent);
            var style = line[Math.Min(start, line.Count - 1)].Style;
            prefix = [.. lead.Select(c => new Cell(c, style))];
        }
    }

    /// <summary>Where to break a line whose part from <paramref name="start"/> fits up to <paramref name="end"/> (exclusive).</summary>
    private static int Break(string text, int start, int end)
    {
        // A space at the edge or before it, or a place between Chinese characters: the words stay whole, and a
        // Chinese sentence, which has no spaces, fills its line instead of moving whole to the next one.
        for (var i = end; i > start; i--)
        {
            if (text[i] == ' ' || CjkBreak(text, i)) return i;
        }
        // A word longer than the line: after a path separator, before a dot, after a comma.
        for (var i = end; i > start + 1; i--)
        {
            if (text[i - 1] is '/' or '\\' or ',' or '›' || text[i] is '.' or '(') return i;
        }
        // Inside a name only where it is made of words: after '_', then before a capital after a small letter.
        for (var i = end; i > start + 1; i--)
        {
            if (text[i - 1] == '_' || (char.IsUpper(text[i]) && char.IsLower(text[i - 1]))) return i;
        }
        return end;
    }

    /// <summary>
    /// True where a line may break before <c>text[i]</c> because a Chinese (or Japanese, Korean) character is on
    /// either side, as Unicode's line breaking allows, except before closing punctuation ("，", "。", "）") and
    /// after opening punctuation ("（", "「"), which stay with the character they belong to.
    /// </summary>
    internal static bool CjkBreak(string text, int i) =>
        i > 0 && i < text.Length && (IsCjk(text[i - 1]) || IsCjk(text[i]))
        && !"，。、：；！？）」』》】〉,.:;!?)]}".Contains(text[i]) && !"（「『《【〈([{".Contains(text[i - 1]);

    private static bool IsCjk(char c) =>
        c is >= '\u3000' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF'
            or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';

    private static IEnumerable<Segment> Segments(List<Cell> line)
    {
        var run = new StringBuilder();
        var style = Style.Plain;
        foreach (var cell in line)
        {
            if (run.Length > 0 && !cell.Style.Equals(style))
            {
                yield return new Segment(run.ToString(), style);
                run.Clear();
            }
            style = cell.Style;
            run.Append(cell.Char);
        }
        if (run.Length > 0) yield return new Segment(run.ToString(), style);
    }
}
