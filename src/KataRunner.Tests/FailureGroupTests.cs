using KataRunner.Engine.Session;
using KataRunner.Ui;

namespace KataRunner.Tests;

/// <summary>Failures grouped (the same message once) and ordered by what they tell: a named cause, a fix, a stub not started, a bare diff.</summary>
public class FailureGroupTests
{
    [Test]
    public void The_most_telling_first_and_identical_messages_once()
    {
        var (session, _) = ScreenFixture.Open();
        var groups = session.Screen.Failures;
        Assert.Multiple(() =>
        {
            Assert.That(groups.Select(g => g.Kind), Is.EqualTo(new[] { FailureKind.NamedCause, FailureKind.Fix, FailureKind.NotStarted, FailureKind.Bare }));
            Assert.That(groups.Select(g => g.First.ShortName), Is.EqualTo(new[]
            {
                "SomeTests.With_A_Cause", "SomeTests.With_A_Fix", "SomeTests.Same_1", "SomeTests.Bare_Diff",
            }));
            Assert.That(groups[2].Count, Is.EqualTo(5), "five messages that differ only in the test's name and received file");
            Assert.That(FailureView.SameLine(groups[2]), Is.EqualTo("  The same in 4 more tests: SomeTests.Same_2, SomeTests.Same_3, SomeTests.Same_4 and 1 more."));
        });
    }

    [Test]
    public void The_screen_shows_a_repeated_message_once()
    {
        var (session, _) = ScreenFixture.Open();
        var text = string.Join('\n', ScreenFixture.Text(new ScreenView(ScreenFixture.Console(80, 200), plain: false).Layout(session.Screen, 80, 200)));
        Assert.Multiple(() =>
        {
            Assert.That(text.Split("not started yet").Length - 1, Is.EqualTo(1));
            Assert.That(text, Does.Contain("The same in 4 more tests"));
            Assert.That(text.IndexOf("Likely cause", StringComparison.Ordinal), Is.LessThan(text.IndexOf("the output differs", StringComparison.Ordinal)),
                "the named cause before the bare diff");
        });
    }

    [TestCase("K05 WaitAndGather › T.A: the output differs from the article's\n  - x\nHint: h", FailureKind.Bare)]
    [TestCase("K05 WaitAndGather › T.A: TimedAsync must print one line.\n  Fix: read the injected clock (not a Stopwatch).\nHint: h", FailureKind.Fix)]
    [TestCase("K05 WaitAndGather › T.A: 2 checks failed\n  1. x\n      Likely cause: y\n  2. z\nHint: h", FailureKind.NamedCause)]
    [TestCase("K05 WaitAndGather › T.A: x\n  Possible causes (what was observed fits each of them):\n    - a\n    - b", FailureKind.NamedCause)]
    [TestCase("K05 WaitAndGather › T.Timed(1500,\"Time: 1.5\"): not started yet: open katas/K05_WaitAndGather/ThreeTasks.cs and replace the NotImplementedException.", FailureKind.NotStarted)]
    [TestCase("System.InvalidOperationException : boom", FailureKind.Bare)]
    public void Kind_of_a_message(string message, FailureKind kind) => Assert.That(FailureGroups.KindOf(message), Is.EqualTo(kind));

    [Test]
    public void Messages_that_differ_beyond_the_tests_name_are_not_grouped()
    {
        var a = FakeEngine.Failing("K02", "A", "yours: 1");
        var b = FakeEngine.Failing("K02", "B", "yours: 2");
        var c = FakeEngine.Failing("K02", "C", "yours: 1");
        var groups = FailureGroups.Of([a, b, c]);
        Assert.That(groups.Select(g => (g.First.ShortName, g.Count)), Is.EqualTo(new[] { ("SomeTests.A", 2), ("SomeTests.B", 1) }));
    }
}
