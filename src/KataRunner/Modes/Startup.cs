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
        if (engine.Prepare(stage => console.MarkupLine($"[grey]{Markup.Escape(Describe(stage))}[/]")) is { } problem)
        {
            console.WriteLine(problem);
            return null;
        }
        // The first compile of katas/ (from the first run): said here, before it starts.
        engine.Compiler.Progress = stage => console.MarkupLine($"[grey]{Markup.Escape(Describe(stage))}[/]");
        // Hints in the learner's language (README.zh-CN.md when --lang, DOTNET_CLI_UI_LANGUAGE or the UI culture says zh-Hans).
        var language = AsyncKatas.Catalog.Words.UiLanguage.Current;
        var session = new RunnerSession(engine, k => Hints.FromFile(Path.Combine(paths.Root, k.ReadmePath), language), p => ChangeClassifier.Classify(paths, p));
        try
        {
            session.Start(command.KataId);
        }
        catch (ArgumentException e)
        {
            console.WriteLine(e.Message);
            return null;
        }
        engine.Compiler.Progress = null;
        return (engine, session);
    }

    /// <summary>One line per stage that does real work (a start with nothing changed shows none).</summary>
    public static string Describe(PrepareStage stage) => stage switch
    {
        PrepareStage.ReadingCompilerSettings s => $"Preparing: asking MSBuild for the compiler settings of {s.Project} (restore, design-time build)…",
        PrepareStage.CompilingTests s => $"Preparing: compiling the kata tests ({s.Files} files, in memory)…",
        PrepareStage.CompilingKatas s => $"Preparing: compiling {s.Tree}/ with the build's analyzers (the first compile loads them)…",
        _ => $"Preparing: {stage}…",
    };
}
