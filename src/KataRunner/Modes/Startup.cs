using KataRunner.Engine;
using KataRunner.Engine.Session;
using Spectre.Console;

namespace KataRunner.Modes;

/// <summary>What every mode does first: find the repository, prepare the engine (tests build, compiler
/// settings), and open a session on the named kata or the first unsolved one.</summary>
public static class Startup
{
    public static (KataEngine Engine, RunnerSession Session)? Open(IAnsiConsole console, RunnerCommand command)
    {
        var paths = RunnerCommand.Repository();
        if (paths is null)
        {
            console.WriteLine("Run the kata runner inside the async-katas repository (no Katas.sln found).");
            return null;
        }
        var engine = new KataEngine(paths, command.Solutions ? CodeTree.Solutions : CodeTree.Katas);
        console.MarkupLine("[grey]Preparing: building the tests once and reading the compiler settings of katas/ …[/]");
        if (engine.Prepare() is { } problem)
        {
            console.WriteLine(problem);
            return null;
        }
        var session = new RunnerSession(engine, k => Hints.FromFile(Path.Combine(paths.Root, k.ReadmePath)), p => ChangeClassifier.Classify(paths, p));
        try
        {
            session.Start(command.KataId);
        }
        catch (ArgumentException e)
        {
            console.WriteLine(e.Message);
            return null;
        }
        return (engine, session);
    }
}
