using KataRunner.Engine;
using KataRunner.Engine.Session;
using KataRunner.Ui;

namespace KataRunner.Tests;

/// <summary>
/// The t view on real runs (the engine runs the solutions' tests in-process, the kata support records
/// each test's timeline): lanes over virtual time above what was printed and expected, within 80×24
/// and using a wider terminal when there is one.
/// </summary>
[NonParallelizable]
public class TimelineViewTests
{
    /// <summary>Every timeline view of <paramref name="kata"/>'s tests, drawn at <paramref name="width"/>×<paramref name="height"/>.</summary>
    private static List<(string Test, List<string> Lines)> Views(string kata, int width, int height)
    {
        var session = new RunnerSession(SharedEngine.For(CodeTree.Solutions), _ => [], _ => ChangeKind.Katas);
        session.Start(kata);
        var view = new ScreenView(ScreenFixture.Console(width, height), plain: true);
        var views = new List<(string, List<string>)>();
        for (session.HandleKey('t'); session.Screen.TimelineShown >= 0; session.HandleKey('t'))
        {
            var screen = session.Screen;
            var lines = ScreenFixture.Text(view.Layout(screen, width, height));
            views.Add((screen.Timelines[screen.TimelineShown].Test, lines));
            TestContext.Out.WriteLine(string.Join('\n', lines) + "\n");
        }
        return views;
    }

    [Test]
    public void K12_shows_the_concurrent_rounds_side_by_side_and_the_sequential_ones_in_turn_at_80x24()
    {
        var views = Views("K12", 80, 24);
        Assert.That(views, Is.Not.Empty, "K12's tests record timelines");
        foreach (var (test, lines) in views)
        {
            Assert.Multiple(() =>
            {
                Assert.That(lines, Has.Count.EqualTo(24), test);
                Assert.That(lines, Has.All.Length.LessThan(80), test);
                Assert.That(lines[4], Does.StartWith("Timeline "), test);
                Assert.That(lines[5], Does.Match(@"^ +0 s +[0-9.]+ s$"), $"{test}: the axis");
            });
        }
        var concurrent = views.First(v => v.Test.Contains("Concurrent", StringComparison.Ordinal)).Lines;
        var sequential = views.First(v => v.Test.Contains("Sequential", StringComparison.Ordinal)).Lines;
        Assert.Multiple(() =>
        {
            Assert.That(concurrent[5], Does.EndWith(" 5.0 s"), "the concurrent rounds take 5 s");
            Assert.That(sequential[5], Does.EndWith(" 10.0 s"), "the sequential rounds take 10 s");
            Assert.That(concurrent.Count(l => l.StartsWith("ConcurrentRoundAsync() #", StringComparison.Ordinal)), Is.EqualTo(5), "a lane per round");
            Assert.That(sequential.Count(l => l.StartsWith("SequentialRoundAsync() #", StringComparison.Ordinal)), Is.EqualTo(5), "a lane per round");
            Assert.That(concurrent.Where(l => l.StartsWith("ConcurrentRoundAsync() #", StringComparison.Ordinal)), Has.All.Contain("═").And.All.Not.Contain("─●─"),
                "each concurrent round sleeps twice at once");
            Assert.That(sequential.Where(l => l.StartsWith("SequentialRoundAsync() #", StringComparison.Ordinal)), Has.All.Contain("─●─").And.All.Not.Contain("═"),
                "each sequential round sleeps twice in turn");
        });
    }

    [TestCase("K01")]
    [TestCase("K04")]
    [TestCase("K16")]
    public void The_lesson_katas_draw_a_lane_per_task(string kata)
    {
        var views = Views(kata, 120, 40);
        Assert.That(views, Is.Not.Empty);
        var lanes = views[0].Lines.Count(l => l.Contains('●', StringComparison.Ordinal) && !l.StartsWith("●", StringComparison.Ordinal));
        Assert.That(lanes, Is.GreaterThanOrEqualTo(3), "main and at least two tasks");
        Assert.That(views[0].Lines, Has.All.Length.LessThan(120));
    }
}
