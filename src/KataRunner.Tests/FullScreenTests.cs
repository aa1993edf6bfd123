using KataRunner.Engine.Session;
using KataRunner.Ui;

namespace KataRunner.Tests;

/// <summary>
/// The full screen, headless (Spectre.Console.Testing): at 80×24 and larger, the kata, its status and the
/// progress stay at the top and the keys at the bottom however many failures there are; scrolling moves
/// the middle only; the list replaces the middle; a new hint scrolls into view.
/// </summary>
public class FullScreenTests
{
    private const int Top = 4;

    [TestCase(80, 24)]
    [TestCase(120, 40)]
    public void The_header_and_the_keys_stay_on_screen_with_many_failures(int width, int height)
    {
        var (session, _) = ScreenFixture.Open();
        var console = ScreenFixture.Console(width, height);
        var view = new ScreenView(console, plain: false);
        var frame = view.Layout(session.Screen, width, height);
        var lines = ScreenFixture.Text(frame);
        Assert.Multiple(() =>
        {
            Assert.That(frame.MiddleLines, Is.GreaterThan(frame.MiddleHeight), "the failures do not fit: the middle scrolls");
            Assert.That(lines, Has.Count.EqualTo(height), "exactly the terminal's height");
            Assert.That(lines, Has.All.Length.LessThan(width), "nothing wider than the terminal");
            Assert.That(lines[0], Does.StartWith("── K08 ThreadPoolExecutor · a bounded executor"));
            Assert.That(lines[1], Is.EqualTo("K08: in progress: 1 of 9 tests pass"));
            var count = AsyncKatas.Catalog.KataCatalog.All.Count;
            Assert.That(lines[2], Does.StartWith($"Katas solved: 0 of {count}  [·······▒{new string('·', count - 8)}]  checking {count - 1} more…"));
            Assert.That(lines[^2], Does.Contain($"lines 1–{frame.MiddleHeight} of {frame.MiddleLines}"));
            Assert.That(lines[^1], Does.StartWith("h hint (0/2) · n next · p prev · l list · t lanes · r re-run · q quit"));
        });
        view.Show(session.Screen);
        var shown = console.Output.Split('\n');
        Assert.Multiple(() =>
        {
            Assert.That(shown, Has.Length.EqualTo(height), "drawn on the console: one frame, no line more");
            Assert.That(shown[^1].TrimEnd(), Is.EqualTo(lines[^1]));
        });
    }

    [Test]
    public void Scrolling_moves_the_middle_only()
    {
        var (session, _) = ScreenFixture.Open();
        var view = new ScreenView(ScreenFixture.Console(80, 24), plain: false);
        var before = ScreenFixture.Text(view.Layout(session.Screen, 80, 24));
        view.Scroll(ScrollKey.PageDown);
        var frame = view.Layout(session.Screen, 80, 24);
        var after = ScreenFixture.Text(frame);
        var middle = frame.MiddleHeight;
        Assert.Multiple(() =>
        {
            Assert.That(after.Take(Top), Is.EqualTo(before.Take(Top)), "the top stays");
            Assert.That(after[^1], Is.EqualTo(before[^1]), "the keys stay");
            Assert.That(frame.Offset, Is.EqualTo(middle - 1), "a page, less one line to read on from");
            Assert.That(after[Top], Is.EqualTo(before[Top + middle - 1]), "the last line of the page is now the first");
            Assert.That(after[^2], Does.Contain($"lines {middle}–"));
        });
        view.Scroll(ScrollKey.LineUp);
        Assert.That(view.Layout(session.Screen, 80, 24).Offset, Is.EqualTo(middle - 2));
        view.Scroll(ScrollKey.Bottom);
        var last = view.Layout(session.Screen, 80, 24);
        Assert.That(last.Offset, Is.EqualTo(last.MaxOffset));
        view.Scroll(ScrollKey.LineDown);
        Assert.That(view.Layout(session.Screen, 80, 24).Offset, Is.EqualTo(last.MaxOffset), "not past the end");
        session.RunCurrent();
        Assert.That(view.Layout(session.Screen, 80, 24).Offset, Is.Zero, "a new result starts at the top");
    }

    [Test]
    public void The_list_replaces_the_middle()
    {
        var (session, _) = ScreenFixture.Open();
        var view = new ScreenView(ScreenFixture.Console(80, 24), plain: false);
        session.HandleKey('l');
        var lines = ScreenFixture.Text(view.Layout(session.Screen, 80, 24));
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Count.EqualTo(24));
            Assert.That(lines[Top], Does.StartWith("The katas (n/p: move ›, l or Enter: open it, Esc: back to K08)"));
            Assert.That(lines[Top + 1], Does.Match(@"^ · K01 EventLoop +not run yet$"));
            Assert.That(lines[Top + 8], Does.Match(@"^›▒ K08 ThreadPoolExecutor \(here\) +in progress: 1 of 9 tests pass$"));
            Assert.That(lines[Top + 15], Does.StartWith(" · K15 Scale"));
            Assert.That(lines.Any(l => l.Contains('✗', StringComparison.Ordinal)), Is.False, "no failure under or around the list");
            Assert.That(lines[^1], Does.StartWith("h hint"));
        });
    }

    [Test]
    public void A_new_hint_scrolls_into_view_as_formatted_text()
    {
        var (session, _) = ScreenFixture.Open();
        var view = new ScreenView(ScreenFixture.Console(80, 24), plain: false);
        view.Layout(session.Screen, 80, 24);
        session.HandleKey('h');
        var lines = ScreenFixture.Text(view.Layout(session.Screen, 80, 24));
        var title = lines.IndexOf("Hint 1 — a nudge");
        Assert.Multiple(() =>
        {
            Assert.That(title, Is.InRange(Top, lines.Count - 3), "the hint is in the middle, on screen");
            Assert.That(lines[title + 1], Does.StartWith("Both workers must be under way at the same time. What does calling an async"));
            Assert.That(lines[^1], Does.StartWith("h hint (1/2)"));
        });
    }

    [Test]
    public void Without_colour_the_full_screen_has_no_style_only_cursor_codes()
    {
        var (session, _) = ScreenFixture.Open();
        var colour = ScreenFixture.AnsiConsole(80, 24);
        new ScreenView(colour, plain: false).Show(session.Screen);
        var plain = ScreenFixture.AnsiConsole(80, 24);
        new ScreenView(plain, plain: true).Show(session.Screen);
        Assert.Multiple(() =>
        {
            Assert.That(colour.Output, Does.Match(@"\u001b\[[0-9;]*m"), "styles with colour (the check can see them)");
            Assert.That(plain.Output, Does.Not.Match(@"\u001b\[[0-9;]*m"), "NO_COLOR: no style at all");
            Assert.That(plain.Output, Does.Contain("\u001b[K"), "the frame still clears what the last one left");
        });
    }

    [Test]
    public void Compile_errors_come_first_as_the_build_prints_them_one_a_line()
    {
        var (session, engine) = ScreenFixture.Open();
        engine.Errors =
        [
            new KataRunner.Engine.Build.CompileError("katas/K08_ThreadPoolExecutor/FourJobs.cs", 12, 9, "CS1002", "; expected"),
            new KataRunner.Engine.Build.CompileError("katas/K08_ThreadPoolExecutor/FourJobs.cs", 20, 1, "RS0030", "Thread.Sleep"),
        ];
        session.RunCurrent();
        var lines = ScreenFixture.Text(new ScreenView(ScreenFixture.Console(80, 24), plain: false).Layout(session.Screen, 80, 24));
        Assert.Multiple(() =>
        {
            Assert.That(lines[1], Is.EqualTo("K08: does not compile"));
            Assert.That(lines.Skip(Top).Take(3), Is.EqualTo(new[]
            {
                "It does not compile (as dotnet build katas/Katas.csproj would say):",
                "katas/K08_ThreadPoolExecutor/FourJobs.cs(12,9): error CS1002: ; expected",
                "katas/K08_ThreadPoolExecutor/FourJobs.cs(20,1): error RS0030: Thread.Sleep",
            }));
        });
    }
}
