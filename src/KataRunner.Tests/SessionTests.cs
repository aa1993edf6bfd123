using AsyncKatas.Catalog;
using KataRunner.Engine.Build;
using KataRunner.Engine.Running;
using KataRunner.Engine.Session;

namespace KataRunner.Tests;

/// <summary>The session's rules, headless: where it opens, what each key does, and green → offers next.</summary>
public class SessionTests
{
    private static readonly IReadOnlyList<Hint> TwoHints = [new("Hint 1", "one"), new("Hint 2", "two")];

    private static (RunnerSession Session, FakeEngine Engine) Open(string? kata = null, params string[] solved)
    {
        var engine = new FakeEngine();
        engine.Solved.UnionWith(solved);
        var session = new RunnerSession(engine, _ => TwoHints, _ => ChangeKind.Katas);
        session.Start(kata);
        return (session, engine);
    }

    [Test]
    public void Opens_on_the_first_unsolved_kata()
    {
        var (session, engine) = Open(null, "K01", "K02");
        Assert.Multiple(() =>
        {
            Assert.That(session.Current.Id, Is.EqualTo("K03"));
            Assert.That(session.Screen.Status, Is.EqualTo(KataStatus.Failing));
            Assert.That(engine.Runs, Has.All.Count.EqualTo(1), "one kata per run");
        });
    }

    [Test]
    public void Says_when_it_stopped_code_that_outlived_the_run()
    {
        var engine = new FakeEngine();
        engine.LeavesCodeRunning.Add("K02");
        var session = new RunnerSession(engine, _ => TwoHints, _ => ChangeKind.Katas);
        session.Start("K02");
        Assert.That(session.Screen.Notice, Does.StartWith("Code of K02's last run was still running after its tests ended"));
        engine.LeavesCodeRunning.Clear();
        session.RunCurrent();
        Assert.That(session.Screen.Notice, Is.Null, "said once, for the run that left it");
    }

    [Test]
    public void Says_so_too_when_a_kata_learned_in_the_background_left_code_running()
    {
        var engine = new FakeEngine();
        var session = new RunnerSession(engine, _ => TwoHints, _ => ChangeKind.Katas);
        session.Start("K02");
        engine.LeavesCodeRunning.Add("K01");
        while (session.HasUnknown && !engine.Runs.Any(r => r.Contains("K01"))) session.RunNextUnknown();
        Assert.That(session.Screen.Notice, Does.StartWith("Code of K01's last run was still running"));
    }

    [Test]
    public void Opens_on_the_named_kata() => Assert.That(Open("k05").Session.Current.Id, Is.EqualTo("K05"));

    [Test]
    public void Screen_shows_only_the_current_katas_failures()
    {
        var (session, _) = Open("K02");
        while (session.RunNextUnknown())
        {
        }
        var screen = session.Screen;
        Assert.That(screen.Failures.Select(f => f.First.Category), Is.EqualTo(new[] { "K02" }));
        Assert.That(screen.Failures[0].First.Message, Is.EqualTo("K02: the output differs"));
    }

    [Test]
    public void N_and_p_move_and_run_the_kata_there()
    {
        var (session, engine) = Open("K05");
        Assert.That(session.HandleKey('n'), Is.True);
        Assert.That(session.Current.Id, Is.EqualTo("K06"));
        Assert.That(engine.RunsOf("K06"), Is.EqualTo(1));
        session.HandleKey('p');
        session.HandleKey('p');
        Assert.That(session.Current.Id, Is.EqualTo("K04"));
    }

    [Test]
    public void P_on_the_first_kata_stays_and_says_so()
    {
        var (session, _) = Open("K01");
        session.HandleKey('p');
        Assert.That(session.Current.Id, Is.EqualTo("K01"));
        Assert.That(session.Screen.Notice, Is.EqualTo("This is the first kata."));
    }

    [Test]
    public void H_reveals_one_more_hint_each_time_and_moving_hides_them()
    {
        var (session, _) = Open("K01");
        Assert.That(session.Screen.HintsShown, Is.Empty);
        session.HandleKey('h');
        Assert.That(session.Screen.HintsShown, Is.EqualTo(TwoHints.Take(1)));
        session.HandleKey('h');
        session.HandleKey('h');
        Assert.That(session.Screen.HintsShown, Is.EqualTo(TwoHints));
        Assert.That(session.Screen.Notice, Is.EqualTo("That was the last hint."));
        session.HandleKey('n');
        Assert.That(session.Screen.HintsShown, Is.Empty);
    }

    [Test]
    public void L_toggles_the_list_with_each_katas_status()
    {
        var (session, _) = Open(null, "K01");
        session.HandleKey('l');
        var list = session.Screen.List!;
        Assert.Multiple(() =>
        {
            Assert.That(list, Has.Count.EqualTo(KataCatalog.All.Count));
            Assert.That(list[0].State.Status, Is.EqualTo(KataStatus.Solved));
            Assert.That(list[1].State.Status, Is.EqualTo(KataStatus.Failing));
        });
        session.HandleKey('l');
        Assert.That(session.Screen.List, Is.Null);
    }

    [Test]
    public void R_runs_again_and_q_quits()
    {
        var (session, engine) = Open("K03");
        session.HandleKey('r');
        Assert.That(engine.RunsOf("K03"), Is.EqualTo(2));
        Assert.That(session.HandleKey('q'), Is.False);
    }

    [Test]
    public void Turning_green_says_so_and_offers_the_next_kata_without_jumping()
    {
        var (session, engine) = Open("K01");
        engine.Solved.Add("K01");
        session.RunCurrent();
        var screen = session.Screen;
        Assert.Multiple(() =>
        {
            Assert.That(session.Current.Id, Is.EqualTo("K01"), "no surprise jump");
            Assert.That(screen.Status, Is.EqualTo(KataStatus.Solved));
            Assert.That(screen.Solved, Is.EqualTo(1));
            Assert.That(screen.Notice, Is.EqualTo("K01 is solved! Press n for K02 Coroutines."));
        });
    }

    [Test]
    public void Compile_errors_of_the_current_kata_first_others_in_one_line()
    {
        var (session, engine) = Open("K01");
        engine.Errors =
        [
            new CompileError("katas/K01_EventLoop/TwoWorkers.cs", 12, 9, "CS1002", "; expected"),
            new CompileError("katas/K04_Tasks/TaskObjects.cs", 3, 1, "CS0246", "The type or namespace name 'Foo' could not be found"),
        ];
        session.RunCurrent();
        var screen = session.Screen;
        Assert.Multiple(() =>
        {
            Assert.That(screen.Status, Is.EqualTo(KataStatus.CompileError));
            Assert.That(screen.Errors.Select(e => e.ToString()), Is.EqualTo(new[] { "katas/K01_EventLoop/TwoWorkers.cs(12,9): error CS1002: ; expected" }));
            Assert.That(screen.OtherErrors, Is.EqualTo("…and 1 more error(s) in other files: katas/K04_Tasks/TaskObjects.cs"));
        });
    }

    [Test]
    public void Unknown_kata_id_is_refused() =>
        Assert.That(() => Open("K99"), Throws.ArgumentException.With.Message.Contains("no kata 'K99'"));

    [Test]
    public void Catalog_has_the_articles_fifteen_katas_in_part_one() =>
        Assert.That(KataCatalog.All.Where(k => k.Part == 1).Select(k => k.Id), Is.EqualTo(Enumerable.Range(1, 15).Select(i => $"K{i:00}")));
}
