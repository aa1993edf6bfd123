using System.Globalization;
using AsyncKatas.Catalog.Words;
using KataRunner.Engine.Running;
using Spectre.Console;
using Spectre.Console.Rendering;
using VirtualTimeLoop;

namespace KataRunner.Ui;

/// <summary>
/// The t view: one test's run as lanes over virtual time (one row per task, named after its method:
/// ● ran, ─ slept on its own timer, · waited on another task, timer or thread), then what it printed
/// beside what the test expected, each line at its virtual second. It takes the width it is given:
/// 80 columns, or more on a wider terminal.
/// </summary>
internal sealed class TimelineView(string test, KataTimeline timeline, int index, int count) : Renderable
{
    private const int MaxLanes = 8;
    private const int MaxLines = 20;

    protected override Measurement Measure(RenderOptions options, int maxWidth) => new(Math.Min(maxWidth, 20), maxWidth);

    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth) =>
        ((IRenderable)new Rows(Lines(maxWidth))).Render(options, maxWidth);

    private IEnumerable<IRenderable> Lines(int width)
    {
        var next = index + 1 < count ? Vocabulary.TimelineNextTest : Vocabulary.TimelineBack;
        var head = $"{Vocabulary.TimelineTitle} {index + 1}/{count} · ";
        var name = Fit(test, width - Cells(head) - Cells(next) - 3);
        yield return new Markup($"[bold]{Markup.Escape(Vocabulary.TimelineTitle)}[/] {index + 1}/{count} · {Markup.Escape(name)} [grey]({Markup.Escape(next)})[/]");
        var run = timeline.Run;
        var drawn = run.ToText(width, MaxLanes);
        foreach (var line in drawn.Take(drawn.Count - 1)) yield return Lane(line);
        yield return new Markup($"[white]●[/] {Markup.Escape(Vocabulary.TimelineRan)}  [blue]─[/] {Markup.Escape(Vocabulary.TimelineSlept)}  " +
            $"[blue]═[/] {Markup.Escape(Vocabulary.TimelineSleptAtOnce)}  [grey]·[/] {Markup.Escape(Vocabulary.TimelineWaited)}", new Style(Color.Grey));
        foreach (var line in Printed(run, width)) yield return line;
    }

    /// <summary>A lane row (or the axis), its glyphs coloured.</summary>
    private static Markup Lane(string line)
    {
        var markup = new System.Text.StringBuilder();
        foreach (var c in line)
        {
            markup.Append(c switch
            {
                '●' => "[bold white]●[/]",
                '─' => "[blue]─[/]",
                '═' => "[bold blue]═[/]",
                '·' => "[grey]·[/]",
                _ => Markup.Escape(c.ToString()),
            });
        }
        return new Markup(markup.ToString());
    }

    /// <summary>Yours beside the expected lines (below them when the terminal is narrow); a line that differs in text or moment in red.</summary>
    private IEnumerable<IRenderable> Printed(RunTimeline run, int width)
    {
        var yours = run.Lanes.SelectMany(l => l.Prints).OrderBy(p => p.At).Select(p => (p.Text, p.At.TotalSeconds)).ToList();
        var expected = timeline.Expected.Select(e => (e.Text, e.At)).ToList();
        var half = (width - 3) / 2;
        var sideBySide = expected.Count > 0 && half >= 30;
        if (sideBySide)
        {
            yield return new Markup($"[bold]{Markup.Escape(Pad(Vocabulary.TimelinePrinted, half))}[/]   [bold]{Markup.Escape(Vocabulary.TimelineExpected)}[/]");
            for (var i = 0; i < Math.Min(MaxLines, Math.Max(yours.Count, expected.Count)); i++)
            {
                var mine = i < yours.Count ? Timed(yours[i], half) : "";
                var wanted = i < expected.Count ? Timed(expected[i], half) : "";
                var same = i < yours.Count && i < expected.Count && yours[i].Text == expected[i].Text && Math.Abs(yours[i].Item2 - expected[i].At) < 0.0005;
                yield return new Markup($"{(same ? "" : "[red]")}{Markup.Escape(Pad(mine, half))}{(same ? "" : "[/]")}   {Markup.Escape(wanted)}");
            }
        }
        else
        {
            yield return new Markup($"[bold]{Markup.Escape(Vocabulary.TimelinePrinted)}[/]");
            foreach (var line in yours.Take(MaxLines)) yield return new Text(Timed(line, width));
            if (expected.Count == 0) yield break;
            yield return new Markup($"[bold]{Markup.Escape(Vocabulary.TimelineExpected)}[/]");
            foreach (var line in expected.Take(MaxLines)) yield return new Text(Timed(line, width));
        }
        var more = Math.Max(yours.Count, expected.Count) - MaxLines;
        if (more > 0) yield return new Text(KataVocabulary.Format(Vocabulary.TimelineMoreLines, more), new Style(Color.Grey));
    }

    private static string Timed((string Text, double At) line, int width) =>
        Fit($"{line.At.ToString("0.0##", CultureInfo.InvariantCulture),6} s  {line.Text}", width);

    /// <summary>The text cut to <paramref name="width"/> terminal cells (a CJK character takes two), with an ellipsis.</summary>
    private static string Fit(string text, int width)
    {
        if (Cells(text) <= width) return text;
        var cut = text;
        while (cut.Length > 0 && Cells(cut) > width - 1) cut = cut[..^1];
        return cut + "…";
    }

    /// <summary>The text padded with spaces to <paramref name="width"/> cells.</summary>
    private static string Pad(string text, int width) => text + new string(' ', Math.Max(0, width - Cells(text)));

    private static int Cells(string text) => new Segment(text).CellCount();
}
