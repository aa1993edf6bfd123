using KataRunner.Engine.Session;
using KataRunner.Modes;

namespace KataRunner.Tests;

/// <summary>`--once` ends without a key to press: its notice names a command, never a key.</summary>
public class OnceModeTests
{
    private static RunnerSession Open(string kata, params string[] solved)
    {
        var engine = new FakeEngine();
        engine.Solved.UnionWith(solved);
        var session = new RunnerSession(engine, _ => [], _ => ChangeKind.Katas);
        session.Start(kata);
        while (session.RunNextUnknown())
        {
        }
        return session;
    }

    [Test]
    public void A_solved_kata_names_the_command_for_the_next_one()
    {
        var notice = OnceMode.ForOnce(Open("K05", "K05")).Notice;
        Assert.That(notice, Is.EqualTo("K05 is solved. Next: K06 TimeoutsAndCancellation, dotnet run --project src/KataRunner -- K06"));
    }

    [Test]
    public void The_last_kata_solved_with_others_left_names_no_key()
    {
        var last = AsyncKatas.Catalog.KataCatalog.All[^1].Id;
        var notice = OnceMode.ForOnce(Open(last, last)).Notice;
        Assert.That(notice, Does.StartWith($"{last} is solved; it is the last kata.").And.Not.Contain("(l"));
    }

    [Test]
    public void An_unsolved_kata_keeps_its_screen() =>
        Assert.That(OnceMode.ForOnce(Open("K05")).Notice, Is.Null);
}
