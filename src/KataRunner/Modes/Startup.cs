using AsyncKatas.Catalog.Words;
using KataRunner.Engine;
using KataRunner.Engine.Build;
using KataRunner.Engine.Caching;
using KataRunner.Engine.Session;
using Spectre.Console;

namespace KataRunner.Modes;

/// <summary>What every mode does first: find the repository, prepare the engine (tests build, compiler
/// settings), and open a session on the named kata or the first unsolved one. What it is doing, and what
/// went wrong, goes to the console line by line, or to <c>say</c> (the watch mode's preparing screen).</summary>
public static class Startup
{
    public static (KataEngine Engine, RunnerSession Session)? Open(IAnsiConsole console, RunnerCommand command) =>
        Open(command, stage => console.MarkupLine($"[grey]{Markup.Escape(stage)}[/]"), problem => console.WriteLine(problem));

    public static (KataEngine Engine, RunnerSession Session)? Open(RunnerCommand command, Action<string> say, Action<string> fail)
    {
        var paths = RunnerCommand.Repository();
        if (paths is null)
        {
            fail(Vocabulary.NoRepository);
            return null;
        }
        var engine = new KataEngine(paths, command.Solutions ? CodeTree.Solutions : CodeTree.Katas);
        // The kata the session opens on, when named (else it starts at K01): compiled beside the tests.
        var first = AsyncKatas.Catalog.KataCatalog.All.FirstOrDefault(k => string.Equals(k.Id, command.KataId, StringComparison.OrdinalIgnoreCase) || string.Equals(k.Folder, command.KataId, StringComparison.OrdinalIgnoreCase)) ?? AsyncKatas.Catalog.KataCatalog.All[0];
        if (engine.Prepare(stage => say(Describe(stage)), [first]) is { } problem)
        {
            fail(problem);
            return null;
        }
        // The first compile of katas/ (from the first run): said here, before it starts.
        engine.Compiler.Progress = stage => say(Describe(stage));
        // Hints in the learner's language (README.zh-CN.md when --lang, DOTNET_CLI_UI_LANGUAGE or the UI culture says zh-Hans).
        var language = AsyncKatas.Catalog.Words.UiLanguage.Current;
        var session = new RunnerSession(engine, k => Hints.FromFile(Path.Combine(paths.Root, k.ReadmePath), language), p => ChangeClassifier.Classify(paths, p),
            memory: Memory(engine));
        try
        {
            session.Start(command.KataId);
        }
        catch (ArgumentException e)
        {
            fail(e.Message);
            return null;
        }
        engine.Compiler.Progress = null;
        return (engine, session);
    }

    /// <summary>
    /// Makes the language <paramref name="command"/> asks for (else the SDK's choice, <see cref="UiLanguage.Choose"/>) the
    /// runner's, and says it in DOTNET_CLI_UI_LANGUAGE too: the kata tests run in a load context of their own, with their
    /// own copy of the vocabulary, which reads the variable (as do the SDK commands the runner starts).
    /// </summary>
    public static void UseLanguage(RunnerCommand command)
    {
        UiLanguage.Use(UiLanguage.Choose(command.Language));
        Environment.SetEnvironmentVariable(UiLanguage.Variable, UiLanguage.Current);
    }

    /// <summary>The last known states from the runner's cache, where to keep them, and the shipped stubs to compare with.</summary>
    public static SessionMemory Memory(KataEngine engine)
    {
        // The learner's progress is that of katas/: a run against solutions/ neither reads nor keeps it.
        if (engine.Tree != CodeTree.Katas) return new SessionMemory();
        var stubs = AsyncKatas.Catalog.ShippedStubs.Load(engine.Paths.Katas);
        return new SessionMemory(
            LastKnownStates.Load(engine.Cache),
            stubs is null ? null : stubs.Untouched,
            states => LastKnownStates.Save(engine.Cache, states));
    }

    /// <summary>One line per stage that does real work (a start with nothing changed shows none).</summary>
    public static string Describe(PrepareStage stage) => stage switch
    {
        PrepareStage.ReadingCompilerSettings s => KataVocabulary.Format(Vocabulary.PreparingCompilerSettings, s.Project),
        PrepareStage.CompilingTests s => KataVocabulary.Format(Vocabulary.PreparingCompilingTests, s.Files),
        PrepareStage.CompilingKatas s => KataVocabulary.Format(Vocabulary.PreparingCompilingKatas, s.Tree),
        _ => KataVocabulary.Format(Vocabulary.PreparingOther, stage),
    };
}
