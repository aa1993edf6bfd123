using KataRunner.Engine.Session;
using Spectre.Console;

namespace KataRunner.Ui;

/// <summary>
/// The full screen's view state: where the middle is scrolled to. A new run, another kata or the list
/// going on or off starts at the top; a new hint scrolls to that hint. Draws each frame from the top-left
/// corner over the last one (the console is in the alternate buffer, see WatchMode). The list keeps its
/// selection (the current kata when it opens) in view.
/// </summary>
internal sealed class ScreenView(IAnsiConsole console, bool plain)
{
    private Screen? _shown;
    private int _offset;
    private int _middleHeight = 1;
    private int _maxOffset;

    public void Show(Screen screen)
    {
        var frame = Layout(screen, console.Profile.Width, console.Profile.Height);
        console.Write(new ControlCode("\u001b[H"));
        console.Write(frame);
    }

    public void Scroll(ScrollKey key)
    {
        _offset = key switch
        {
            ScrollKey.LineUp => _offset - 1,
            ScrollKey.LineDown => _offset + 1,
            ScrollKey.PageUp => _offset - Math.Max(1, _middleHeight - 1),
            ScrollKey.PageDown => _offset + Math.Max(1, _middleHeight - 1),
            ScrollKey.Top => 0,
            _ => _maxOffset,
        };
        _offset = Math.Clamp(_offset, 0, _maxOffset);
    }

    /// <summary>The frame for <paramref name="screen"/> at this size, with the scroll position it should have.</summary>
    public FullScreen Layout(Screen screen, int width, int height)
    {
        var previous = _shown;
        _shown = screen;
        if (previous is null || previous.Kata != screen.Kata || previous.Run != screen.Run || previous.ShowList != screen.ShowList || previous.TimelineShown != screen.TimelineShown) _offset = 0;
        if (screen.ShowList && screen.Selected is { } selected)
        {
            // The list's line of the selected kata (after its title line), kept in the middle's window.
            var line = 1 + screen.Katas.ToList().FindIndex(k => k.Kata.Id == selected.Id);
            var middle = Build(screen, Math.Max(20, width - 1), height, 0).MiddleHeight;
            if (line < _offset || line >= _offset + middle) _offset = Math.Max(0, line - middle / 2);
        }
        // One column to spare: a terminal that counts a character wider than Spectre does must not wrap.
        width = Math.Max(20, width - 1);
        var frame = Build(screen, width, height, _offset);
        if (previous is not null && screen.HintsShown.Count > previous.HintsShown.Count && frame.Anchors.TryGetValue(ScreenRenderer.LatestHint, out var hint))
        {
            frame = Build(screen, width, height, hint);
        }
        _offset = frame.Offset;
        _middleHeight = frame.MiddleHeight;
        _maxOffset = frame.MaxOffset;
        return frame;
    }

    private FullScreen Build(Screen screen, int width, int height, int offset) =>
        new(console, ScreenRenderer.Top(screen, interactive: true), ScreenRenderer.Middle(screen),
            note => ScreenRenderer.Bottom(screen, interactive: true, note), width, height, offset, plain);
}
