using AsyncKatas.Catalog.Words;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace KataRunner.Ui;

/// <summary>
/// One frame of the full screen, exactly as tall as the terminal: the top and the bottom pinned, the
/// middle a window of <see cref="MiddleHeight"/> lines starting at <see cref="Offset"/>. Everything is
/// laid out by Spectre.Console at the terminal's width and cut into lines here, so a long message wraps
/// as it will be shown and scrolling moves whole lines.
/// </summary>
internal sealed class FullScreen : Renderable
{
    private readonly List<SegmentLine> _top;
    private readonly List<SegmentLine> _middle;
    private readonly Func<string?, List<SegmentLine>> _bottom;
    private readonly bool _plain;
    private readonly int _height;

    /// <param name="bottom">The bottom lines, given the scroll note ("lines 1–16 of 40", or null when all fits).</param>
    public FullScreen(IAnsiConsole console, IEnumerable<IRenderable> top, IEnumerable<Part> middle, Func<string?, IEnumerable<IRenderable>> bottom,
        int width, int height, int offset, bool plain)
    {
        var options = RenderOptions.Create(console, console.Profile.Capabilities);
        _plain = plain;
        _height = height;
        _top = Lines(options, top, width);
        Anchors = [];
        _middle = [];
        foreach (var part in middle)
        {
            if (_middle.Count > 0) _middle.Add(new SegmentLine());
            if (part.Anchor is not null) Anchors[part.Anchor] = _middle.Count;
            _middle.AddRange(Lines(options, [part.Content], width));
        }
        _bottom = note => Lines(options, bottom(note), width);
        var bottomHeight = Math.Max(_bottom(null).Count, _bottom(Note(999, 999, 999)).Count);
        MiddleHeight = Math.Max(1, height - _top.Count - bottomHeight);
        MaxOffset = Math.Max(0, _middle.Count - MiddleHeight);
        Offset = Math.Clamp(offset, 0, MaxOffset);
    }

    public int MiddleHeight { get; }
    public int MiddleLines => _middle.Count;
    public int Offset { get; }
    public int MaxOffset { get; }

    /// <summary>Where named parts of the middle start (line numbers from 0).</summary>
    public Dictionary<string, int> Anchors { get; }

    /// <summary>"lines 1–16 of 40 ↑↓ PgUp PgDn space", or null when the middle fits.</summary>
    public string? ScrollNote => MaxOffset == 0 ? null : Note(Offset + 1, Math.Min(Offset + MiddleHeight, MiddleLines), MiddleLines);

    private static string Note(int first, int last, int total) => KataVocabulary.Format(Vocabulary.RunnerScrollNote, first, last, total);

    /// <summary>The frame's lines, top to bottom, exactly the terminal's height (the top is cut when it alone does not fit).</summary>
    public List<SegmentLine> Frame()
    {
        var window = _middle.Skip(Offset).Take(MiddleHeight).ToList();
        while (window.Count < MiddleHeight) window.Add(new SegmentLine());
        var bottom = _bottom(ScrollNote);
        var lines = _top.Concat(window).Concat(bottom).ToList();
        return lines.Count > _height ? lines.Skip(lines.Count - _height).ToList() : lines;
    }

    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var lines = Frame();
        for (var i = 0; i < lines.Count; i++)
        {
            foreach (var segment in lines[i]) yield return _plain && !segment.IsControlCode ? new Segment(segment.Text) : segment;
            // Clear what the previous frame left on this line (nothing when the console has no ANSI).
            yield return Segment.Control("\u001b[K");
            if (i < lines.Count - 1) yield return Segment.LineBreak;
        }
    }

    private static List<SegmentLine> Lines(RenderOptions options, IEnumerable<IRenderable> renderables, int width)
    {
        var lines = new List<SegmentLine>();
        foreach (var renderable in renderables)
        {
            lines.AddRange(Segment.SplitLines(renderable.Render(options, width), width));
        }
        return lines;
    }
}
