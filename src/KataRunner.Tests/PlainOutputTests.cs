using KataRunner.Ui;
using Spectre.Console;

namespace KataRunner.Tests;

/// <summary>--once, --report and a redirected runner print plain text: not one escape code, with or without NO_COLOR.</summary>
public class PlainOutputTests
{
    [TestCase(true, false, TestName = "Output redirected")]
    [TestCase(false, true, TestName = "NO_COLOR on a terminal")]
    public void The_screen_as_plain_text(bool redirected, bool noColor)
    {
        var settings = ConsoleFactory.Settings(fullScreen: false, outputRedirected: redirected, inputRedirected: false, noColor: noColor);
        var writer = new StringWriter();
        settings.Out = new AnsiConsoleOutput(writer);
        var console = AnsiConsole.Create(settings);
        console.Profile.Width = 100;
        var (session, _) = ScreenFixture.Open();
        session.HandleKey('h');
        console.Write(new Rows(ScreenRenderer.Plain(session.Screen)));
        var text = writer.ToString();
        Assert.Multiple(() =>
        {
            Assert.That(settings.Ansi, Is.EqualTo(AnsiSupport.No));
            Assert.That(text, Does.Not.Contain("\u001b"));
            Assert.That(text, Does.StartWith("── K08 ThreadPoolExecutor · a bounded executor of blocking jobs and its future states ──\nK08: in progress: 1 of 9 tests pass\n"));
            Assert.That(text, Does.Contain("Both workers must be under way at the same time."));
            Assert.That(text.TrimEnd(), Does.EndWith("dotnet run --project src/KataRunner: watch and re-run on every save (0 ms)"));
        });
    }

    [Test]
    public void The_full_screen_keeps_ansi_for_the_cursor_and_drops_colour_with_NO_COLOR()
    {
        var settings = ConsoleFactory.Settings(fullScreen: true, outputRedirected: false, inputRedirected: false, noColor: true);
        Assert.Multiple(() =>
        {
            Assert.That(settings.Ansi, Is.EqualTo(AnsiSupport.Detect));
            Assert.That(settings.ColorSystem, Is.EqualTo(ColorSystemSupport.NoColors));
        });
    }
}
