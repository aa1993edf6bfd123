using AsyncKatas.Catalog;
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

    [Test]
    public void The_kind_is_what_the_support_recorded_not_what_the_words_say()
    {
        var groups = FailureGroups.Of(
        [
            FakeEngine.Failing("K05", "Recorded_Bare", "the output differs from the article's\n  Likely cause: a line of the diff that looks like a cause"),
            FakeEngine.Threw("K05", "Threw", "System.InvalidOperationException : boom\n  Likely cause: words in an exception's message"),
            FakeEngine.Failing("K05", "Recorded_Cause", "a worker blocked", kind: FailureKind.NamedCause),
        ]);
        Assert.That(groups.Select(g => (g.First.ShortName, g.Kind)), Is.EqualTo(new[]
        {
            ("SomeTests.Recorded_Cause", FailureKind.NamedCause), ("SomeTests.Recorded_Bare", FailureKind.Bare), ("SomeTests.Threw", FailureKind.Bare),
        }));
    }

    [Test]
    public void Messages_that_differ_beyond_the_tests_name_are_not_grouped()
    {
        // Beyond a number too: messages that differ only by one have the same shape (LearnerScreenTests).
        var a = FakeEngine.Failing("K02", "A", "yours: hello", trailer: "Received: A.received.txt");
        var b = FakeEngine.Failing("K02", "B", "yours: world", trailer: "Received: B.received.txt");
        var c = FakeEngine.Failing("K02", "C", "yours: hello", trailer: "Received: C.received.txt");
        var groups = FailureGroups.Of([a, b, c]);
        Assert.That(groups.Select(g => (g.First.ShortName, g.Count)), Is.EqualTo(new[] { ("SomeTests.A", 2), ("SomeTests.B", 1) }));
    }

    [Test]
    public void The_same_gist_of_another_kind_is_another_group()
    {
        var groups = FailureGroups.Of([FakeEngine.Failing("K02", "A", "x", kind: FailureKind.Fix), FakeEngine.Failing("K02", "B", "x")]);
        Assert.That(groups.Select(g => (g.Kind, g.Count)), Is.EqualTo(new[] { (FailureKind.Fix, 1), (FailureKind.Bare, 1) }));
    }

    [Test]
    public void Failures_the_support_did_not_write_are_grouped_only_when_their_messages_are_identical()
    {
        var groups = FailureGroups.Of(
        [
            FakeEngine.Threw("K02", "A", "System.Exception : boom"),
            FakeEngine.Threw("K02", "B", "System.Exception : boom"),
            FakeEngine.Threw("K02", "C", "System.Exception : bang"),
            FakeEngine.Threw("K02", "D", ""),
            FakeEngine.Threw("K02", "E", ""),
            FakeEngine.Failing("K02", "F", "System.Exception : boom"),
        ]);
        Assert.That(groups.Select(g => (g.First.ShortName, g.Count)), Is.EqualTo(new[]
        {
            ("SomeTests.A", 2), ("SomeTests.C", 1), ("SomeTests.D", 1), ("SomeTests.E", 1), ("SomeTests.F", 1),
        }), "an empty message says nothing to share; a recorded gist is never the same as a message");
    }
}
