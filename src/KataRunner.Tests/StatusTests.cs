using AsyncKatas.Catalog;
using KataRunner.Engine.Build;
using KataRunner.Engine.Running;
using KataRunner.Engine.Session;
using KataRunner.Ui;

namespace KataRunner.Tests;

/// <summary>
/// Every status (list, progress, header) comes from that kata's own last run, in the summary logger's
/// words, "not run yet" until it has run, and is refreshed after each save, wherever the learner is.
/// </summary>
public class StatusTests
{
    private static (RunnerSession Session, FakeEngine Engine) Open(string? kata, params string[] solved)
    {
        var engine = new FakeEngine();
        engine.Solved.UnionWith(solved);
        var session = new RunnerSession(engine, _ => [], _ => ChangeKind.Katas);
        session.Start(kata);
        return (session, engine);
    }

    private static void Idle(RunnerSession session)
    {
        while (session.RunNextUnknown())
        {
        }
    }

    private static string Words(RunnerSession session, string kata) => StatusWords.Plain(session.States[kata]);

    [Test]
    public void A_kata_that_has_not_run_is_not_run_yet_and_one_that_ran_uses_the_summary_loggers_words()
    {
        var (session, engine) = Open("K02", "K01");
        engine.Tests["K03"] = [FakeEngine.Failing("K03", "A", "not started yet: open x", kind: FailureKind.NotStarted),
            FakeEngine.Failing("K03", "B", "not started yet: open x", kind: FailureKind.NotStarted)];
        engine.Tests["K04"] = [FakeEngine.Passing("K04", "A"), FakeEngine.Failing("K04", "B", "the output differs")];
        Assert.Multiple(() =>
        {
            Assert.That(Words(session, "K03"), Is.EqualTo("not run yet"), "never opened, never run");
            Assert.That(session.Screen.Unchecked, Is.EqualTo(AsyncKatas.Catalog.KataCatalog.All.Count - 1), "the header says how many are still to check");
        });
        Idle(session);
        Assert.Multiple(() =>
        {
            Assert.That(Words(session, "K01"), Is.EqualTo("solved (1 test)"));
            Assert.That(Words(session, "K03"), Is.EqualTo("not started: 0 of 2 tests pass"), "dotnet test's words, not \"failing\"");
            Assert.That(Words(session, "K04"), Is.EqualTo("in progress: 1 of 2 tests pass"));
            Assert.That(session.Screen.Unchecked, Is.Zero);
        });
    }

    [Test]
    public void A_save_refreshes_the_saved_katas_status()
    {
        var (session, engine) = Open("K01");
        Idle(session);
        engine.Solved.Add("K01");
        session.NoteChange("katas/K01_EventLoop/TwoWorkers.cs");
        session.RunCurrent();
        Assert.Multiple(() =>
        {
            Assert.That(Words(session, "K01"), Is.EqualTo("solved (1 test)"));
            Assert.That(session.Screen.Solved, Is.EqualTo(1));
            Assert.That(session.HasUnknown, Is.False, "the current kata's run refreshed it: nothing left to check");
        });
    }

    [Test]
    public void A_save_made_while_pressing_n_refreshes_the_kata_it_was_made_in()
    {
        // K01 is solved on disk; the save is seen just before or just after n moves on to K02.
        foreach (var saveFirst in new[] { true, false })
        {
            var (session, engine) = Open("K01");
            Idle(session);
            engine.Solved.Add("K01");
            if (saveFirst) session.NoteChange("/home/me/async-katas/katas/K01_EventLoop/TwoWorkers.cs");
            session.HandleKey('n');
            if (!saveFirst) session.NoteChange("/home/me/async-katas/katas/K01_EventLoop/TwoWorkers.cs");
            session.RunCurrent(); // the save's debounced run: the current kata
            Assert.Multiple(() =>
            {
                Assert.That(session.Current.Id, Is.EqualTo("K02"));
                Assert.That(engine.Runs[^1], Is.EqualTo(new[] { "K02" }), "a kata runs alone: another broken one must not stop it");
                Assert.That(session.States["K01"].Stale, Is.True, "K01's status is the last run's, and known to be stale");
                Assert.That(session.HasUnknown, Is.True, "the idle runner has K01 to check");
            });
            Assert.That(session.RunNextUnknown(), Is.True);
            Assert.Multiple(() =>
            {
                Assert.That(engine.Runs[^1], Is.EqualTo(new[] { "K01" }));
                Assert.That(Words(session, "K01"), Is.EqualTo("solved (1 test)"), "not left \"failing\" until revisited");
                Assert.That(session.Screen.Solved, Is.EqualTo(1));
                Assert.That(session.HasUnknown, Is.False);
            });
        }
    }

    [Test]
    public void After_a_restart_the_header_counts_only_what_this_session_ran_and_says_what_is_left_to_check()
    {
        string[] all = [.. AsyncKatas.Catalog.KataCatalog.All.Select(k => k.Id)];
        // A restart on the first unsolved kata: with every kata solved, it runs them all before the first screen.
        var (session, _) = Open(null, all);
        Assert.Multiple(() =>
        {
            Assert.That(session.Screen.Solved, Is.EqualTo(all.Length));
            Assert.That(session.Screen.Unchecked, Is.Zero);
            Assert.That(session.Screen.Notice, Is.EqualTo($"{all[^1]} is solved. Every kata is solved."));
        });
        // A restart on a named kata: the others are learned in the background; until then they are not
        // counted as unsolved, they are "to check".
        var (named, _) = Open("K15", all);
        Assert.Multiple(() =>
        {
            Assert.That(named.Screen.Solved, Is.EqualTo(1));
            Assert.That(named.Screen.Unchecked, Is.EqualTo(all.Length - 1));
            Assert.That(Words(named, "K03"), Is.EqualTo("not run yet"));
        });
        Idle(named);
        Assert.That((named.Screen.Solved, named.Screen.Unchecked), Is.EqualTo((all.Length, 0)));
    }

    [Test]
    public void A_change_to_the_tests_makes_every_status_stale_and_the_idle_runner_checks_them_again()
    {
        var engine = new FakeEngine();
        engine.Solved.UnionWith(["K01", "K02"]);
        var repository = new KataRunner.Engine.RepositoryPaths("/repo");
        var session = new RunnerSession(engine, _ => [], p => ChangeClassifier.Classify(repository, p));
        session.Start("K01");
        Idle(session);
        var runsBefore = engine.RunsOf("K02");
        engine.Solved.Remove("K02");
        Assert.That(session.NoteChange("/repo/tests/K02_Coroutines/CoroutinesTests.cs"), Is.EqualTo(ChangeKind.Tests));
        Assert.Multiple(() =>
        {
            Assert.That(session.States["K02"].Stale, Is.True);
            Assert.That(Words(session, "K02"), Is.EqualTo("solved (1 test)"), "the last run's status, until it runs again");
            Assert.That(session.Screen.Unchecked, Is.EqualTo(AsyncKatas.Catalog.KataCatalog.All.Count));
        });
        Idle(session);
        Assert.Multiple(() =>
        {
            // It was solved, and now its test fails on code, not on a stub: failing, not "not started".
            Assert.That(Words(session, "K02"), Is.EqualTo("failing: 0 of 1 tests pass"));
            Assert.That(session.States["K02"].Stale, Is.False);
            Assert.That(engine.RunsOf("K02"), Is.EqualTo(runsBefore + 1));
            Assert.That(session.Screen.Unchecked, Is.Zero);
        });
    }

    [Test]
    public void A_kata_reported_as_not_compiling_by_the_engine_says_so_in_the_list_and_on_one_line()
    {
        var (session, engine) = Open("K15");
        Idle(session);
        var error = new CompileError("katas/K03_AwaitChains/AwaitChains.cs", 24, 51, "CS1002", "; expected");
        engine.OtherKatas.Add(new OtherKataProblem(KataCatalog.Get("K03"), error, 1));
        engine.OtherKatas.Add(new OtherKataProblem(KataCatalog.Get("K10"), error with { Path = "katas/K10_MixedSyncAsync/Downloads.cs", Code = "VSTHRD103", Message = "x" }, 3));
        session.RunCurrent();
        var screen = session.Screen;
        Assert.Multiple(() =>
        {
            Assert.That(session.StatusOf("K03"), Is.EqualTo(KataStatus.CompileError));
            Assert.That(session.StatusOf("K15"), Is.EqualTo(KataStatus.Failing), "the current kata still ran");
            Assert.That(screen.OtherKatas.Select(ScreenRenderer.OtherKataLine), Is.EqualTo(new[]
            {
                "K03 does not compile: katas/K03_AwaitChains/AwaitChains.cs(24,51): error CS1002: ; expected. The other katas compile and run without it.",
                "K10 does not compile: katas/K10_MixedSyncAsync/Downloads.cs(24,51): error VSTHRD103: x (and 2 more). The other katas compile and run without it.",
            }));
            Assert.That(session.StatusOf("K10"), Is.EqualTo(KataStatus.CompileError));
        });
        var frame = ScreenFixture.Text(new ScreenView(ScreenFixture.Console(80, 24), plain: false).Layout(screen, 80, 24));
        Assert.Multiple(() =>
        {
            Assert.That(frame[4], Does.StartWith("K03 does not compile: katas/K03_AwaitChains/AwaitChains.cs(24,51): error"),
                "first in the middle, above the current kata's failures");
            Assert.That(frame.FindIndex(l => l.StartsWith("K10 does not compile", StringComparison.Ordinal)),
                Is.LessThan(frame.FindIndex(l => l.StartsWith("✗", StringComparison.Ordinal))));
        });
    }
}
