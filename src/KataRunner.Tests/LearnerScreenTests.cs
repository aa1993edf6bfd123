using System.Text.RegularExpressions;
using AsyncKatas.Catalog;
using KataRunner.Engine.Running;
using KataRunner.Engine.Session;
using KataRunner.Ui;

namespace KataRunner.Tests;

/// <summary>
/// What a new learner saw wrong at 80×24 (issue 21), each on the full screen at that size: words cut at the
/// edge, a wrapped comment that read as code, "not started" for code that fails, the same message shown
/// once per number, hints forgotten, list keys that did not do what the footer says, and "0 of 23" at start.
/// </summary>
public partial class LearnerScreenTests
{
    private const int Width = 80, Height = 24;

    private static List<string> Frame(RunnerSession session, ScreenView? view = null) =>
        ScreenFixture.Text((view ?? new ScreenView(ScreenFixture.Console(Width, Height), plain: false)).Layout(session.Screen, Width, Height));

    private static (RunnerSession Session, FakeEngine Engine) Open(string kata, List<TestOutcome> tests, SessionMemory? memory = null)
    {
        var engine = new FakeEngine();
        engine.Tests[kata] = tests;
        var session = new RunnerSession(engine, _ => ScreenFixture.Hints, _ => ChangeKind.Katas, memory: memory);
        session.Start(kata);
        return (session, engine);
    }

    /// <summary>Every name (letters, digits, '_') of <paramref name="text"/> whole on one line of the frame.</summary>
    private static List<string> CutNames(string text, List<string> lines) =>
        [.. Name().Matches(text).Select(m => m.Value).Distinct().Where(name => !lines.Any(l => Name().Matches(l).Any(m => m.Value == name)))];

    [GeneratedRegex(@"[\p{L}\p{N}_]+")]
    private static partial Regex Name();

    [Test]
    public void A_long_path_or_test_name_wraps_at_its_boundaries_never_inside_a_name()
    {
        const string received = "Received: tests/K01_EventLoop/TwoWorkersTests.Workers_TakeTurns_OneSecondApart_OnOneLoop.received.txt";
        const string gist = "the budget ran out on the real clock in RunWithDeadlineAsync_CancelsTheCallerWhenTheBudgetRunsOut_NoTimer";
        var (session, _) = Open("K19", [FakeEngine.Failing("K19", "Budget_RunsOut_WhileTheCallerWaits_OnTheRealClock_WithNoTimerAtAll", gist, "Deadlines", trailer: received)]);
        var lines = Frame(session);
        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.All.Length.LessThan(Width));
            Assert.That(CutNames(received + " " + gist, lines), Is.Empty, "no name cut in two");
            Assert.That(lines, Has.Some.EndsWith("_OnOneLoop"), "the path breaks before a dot");
            Assert.That(lines, Has.Some.StartsWith(".received.txt"));
        });
    }

    [Test]
    public void A_wrapped_comment_in_a_hints_code_stays_a_comment()
    {
        const string code = "await Task.Delay(TimeSpan.FromSeconds(1), time); // the injected clock: the loop jumps to the wake-up, no real second passes";
        var hint = new Hint("Hint 1 — the shape", $"Sleep on the clock:\n```csharp\n{code}\n```");
        var engine = new FakeEngine();
        var session = new RunnerSession(engine, _ => [hint], _ => ChangeKind.Katas);
        session.Start("K01");
        session.HandleKey('h');
        var lines = Frame(session);
        var wrapped = lines.SkipWhile(l => !l.Contains("await Task.Delay", StringComparison.Ordinal)).Skip(1).TakeWhile(l => l.Trim().Length > 0).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(wrapped, Is.Not.Empty, "the line is longer than the screen: it wraps");
            Assert.That(wrapped, Has.All.Match(@"^\s+// "), "each continuation of the comment is a comment");
            Assert.That(CutNames(code, lines), Is.Empty);
        });
        Assert.That(MarkdownText.CodeContinuation("    var x = Compute(alpha, beta);", 20), Is.EqualTo(new string(' ', 8)), "code carries on one level deeper");
    }

    [Test]
    public void A_stub_as_shipped_is_not_started_and_code_that_fails_is_failing()
    {
        // Not started: every test failed on a stub's NotImplementedException (the kind the kata layer records),
        // whatever git holds; failing: one test failed on something the learner wrote.
        var (untouched, _) = Open("K01", [FakeEngine.Failing("K01", "A", "not started yet", kind: FailureKind.NotStarted), FakeEngine.Failing("K01", "B", "not started yet", kind: FailureKind.NotStarted)]);
        var (written, _) = Open("K01", [FakeEngine.Failing("K01", "A", "not started yet", kind: FailureKind.NotStarted), FakeEngine.Failing("K01", "B", "the output differs")]);
        // A stub may ship with given code that fails a test on purpose: while its files are as shipped, not started.
        var (shipped, _) = Open("K01", [FakeEngine.Failing("K01", "A", "the output differs"), FakeEngine.Failing("K01", "B", "the output differs")],
            new SessionMemory(Untouched: _ => true));
        Assert.Multiple(() =>
        {
            Assert.That(Frame(untouched)[1], Is.EqualTo("K01: not started: 0 of 2 tests pass"));
            Assert.That(Frame(written)[1], Is.EqualTo("K01: failing: 0 of 2 tests pass"));
            Assert.That(Frame(shipped)[1], Is.EqualTo("K01: not started: 0 of 2 tests pass"));
        });
        written.HandleKey('l');
        Assert.That(Frame(written), Has.Some.Match(@"^›· K01 EventLoop \(here\) +failing: 0 of 2 tests pass$"));
    }

    [Test]
    public void Messages_that_differ_only_by_a_number_are_shown_once()
    {
        var (session, _) = Open("K19",
        [
            .. new[] { "2", "3.5", "10" }.Select((s, i) => FakeEngine.Failing("K19", $"Case_{i}",
                $"the program slept {s} s of real time: a deadline on the real clock.", "Deadlines", FailureKind.NamedCause)),
        ]);
        var text = string.Join('\n', Frame(session));
        var words = Regex.Replace(text, @"\s+", " ");
        Assert.Multiple(() =>
        {
            Assert.That(session.Screen.Failures, Has.Count.EqualTo(1));
            Assert.That(Regex.Matches(text, "of real time").Count, Is.EqualTo(1), "one message on screen");
            Assert.That(words, Does.Contain("The same, but for the numbers, in 2 more tests: SomeTests.Case_1, SomeTests.Case_2."));
        });
        Assert.That(FailureGroups.Of([FakeEngine.Failing("K19", "A", "took 2 s"), FakeEngine.Failing("K19", "B", "took 2 tries")]), Has.Count.EqualTo(2),
            "a different word is a different message");
    }

    [Test]
    public void Each_kata_keeps_its_hint_level_while_the_runner_runs()
    {
        var (session, _) = ScreenFixture.Open();
        session.HandleKey('h');
        session.HandleKey('n');
        Assert.That(Frame(session)[^1], Does.StartWith("h hint (0/2)"), "K09 has its own");
        session.HandleKey('p');
        var lines = Frame(session);
        Assert.Multiple(() =>
        {
            Assert.That(session.Screen.HintsShown, Has.Count.EqualTo(1));
            Assert.That(lines[^1], Does.StartWith("h hint (1/2)"));
        });
    }

    [Test]
    public void The_list_opens_at_the_current_kata_and_n_p_move_within_it()
    {
        var (session, engine) = Open("K20", [FakeEngine.Failing("K20", "A", "the output differs")]);
        var view = new ScreenView(ScreenFixture.Console(Width, Height), plain: false);
        session.HandleKey('l');
        var lines = Frame(session, view);
        Assert.That(lines, Has.Some.Match(@"^›. K20 CompletionOrder \(here\)"), "the current kata is on screen, selected");
        session.HandleKey('n');
        session.HandleKey('n');
        lines = Frame(session, view);
        Assert.Multiple(() =>
        {
            Assert.That(session.Screen.List, Is.Not.Null, "n moves within the list: it stays open");
            Assert.That(session.Current.Id, Is.EqualTo("K20"));
            Assert.That(engine.RunsOf("K22"), Is.Zero, "moving runs nothing");
            Assert.That(lines, Has.Some.Match(@"^›. K22 "));
            Assert.That(lines, Has.Some.Match(@"^ . K20 CompletionOrder \(here\)"));
        });
        session.HandleKey('\r');
        Assert.Multiple(() =>
        {
            Assert.That(session.Screen.List, Is.Null);
            Assert.That(session.Current.Id, Is.EqualTo("K22"), "Enter opens the selected kata");
        });
        session.HandleKey('l');
        session.HandleKey('p');
        session.HandleKey('\u001b');
        Assert.Multiple(() =>
        {
            Assert.That(session.Screen.List, Is.Null);
            Assert.That(session.Current.Id, Is.EqualTo("K22"), "Esc goes back where it was");
        });
    }

    [Test]
    public void The_progress_starts_from_the_last_known_states()
    {
        var lastKnown = new Dictionary<string, KataState>
        {
            ["K01"] = new(KataStatus.Solved, 2, 2),
            ["K02"] = new(KataStatus.Solved, 4, 4),
            ["K03"] = new(KataStatus.Failing, 1, 4),
        };
        IReadOnlyDictionary<string, KataState>? kept = null;
        var (session, _) = Open("K05", [FakeEngine.Failing("K05", "A", "the output differs")], new SessionMemory(lastKnown, Remember: s => kept = s));
        var lines = Frame(session);
        var count = KataCatalog.All.Count;
        Assert.Multiple(() =>
        {
            Assert.That(lines[2], Does.StartWith($"Katas solved: 2 of {count}  [██▒·░"), "what the last session knew, before anything ran again");
            Assert.That(lines[2], Does.Contain($"checking {count - 1} more…"), "each to be checked again");
            Assert.That(kept, Is.Not.Null.And.ContainKey("K05"), "what this session learns is kept for the next");
        });
    }
}
