using AsyncKatas.Catalog.Words;
using System.Threading.Channels;
using KataRunner.Engine;
using KataRunner.Engine.Session;
using KataRunner.Ui;
using Spectre.Console;

namespace KataRunner.Modes;

/// <summary>
/// The default mode: show the current kata full screen, re-run it on every save under katas/
/// (debounced), and answer keys (h n p l r q, and the scroll keys). Without a terminal on stdin it falls
/// back to <see cref="OnceMode"/>; with stdout redirected it prints each new screen as plain text. The
/// screen is never blank: a line before anything is loaded, then the preparing screen
/// (<see cref="PreparingScreen"/>), which answers keys while the runner prepares.
/// </summary>
public static class WatchMode
{
    public static int Run(RunnerCommand command)
    {
        if (Console.IsInputRedirected)
        {
            Console.Error.WriteLine(Vocabulary.StdinNotTerminal);
            return OnceMode.Run(command);
        }
        // Before anything else is loaded: the learner sees at once that the runner has started.
        Console.Out.Write(Vocabulary.StartingRunner + "\n");
        PreparingScreen.WarmUpInBackground();
        var inputs = Channel.CreateUnbounded<RunnerInput>();
        KeyReader.Start(inputs.Writer);
        // Ctrl+C quits as q does, so that the terminal gets its normal screen back.
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; inputs.Writer.TryWrite(new RunnerInput.Key('q')); };
        var fullScreen = ConsoleFactory.CanDrawFullScreen;
        var console = ConsoleFactory.Create(fullScreen);
        if (!fullScreen)
        {
            if (Startup.Open(console, command) is not var (plainEngine, plainSession)) return 2;
            return Plain(console, inputs, plainEngine, plainSession);
        }
        ResizeWatcher.Start(inputs.Writer);
        var exit = 0;
        string? problem = null;
        console.AlternateScreen(() =>
        {
            console.Cursor.Hide();
            try
            {
                var opened = new PreparingScreen(console, inputs.Reader, plain: ConsoleFactory.NoColor).Open(command);
                if (opened.Quit) return;
                if (opened.Opened is not var (engine, session))
                {
                    problem = opened.Problem;
                    exit = 2;
                    return;
                }
                using var watcher = new ChangeWatcher(engine.Paths, inputs.Writer);
                engine.LeftRunningFound += () => inputs.Writer.TryWrite(new RunnerInput.LeftRunning());
                var view = new ScreenView(console, plain: ConsoleFactory.NoColor);
                var loop = new RunnerLoop(session, inputs.Reader, TimeProvider.System, view.Show, engine.TestsBuild.MarkStale, view.Scroll, checkInBackground: true);
                exit = loop.RunAsync().GetAwaiter().GetResult();
            }
            finally { console.Cursor.Show(); }
        });
        if (problem is not null) console.WriteLine(problem);
        return exit;
    }

    /// <summary>Output redirected: one plain screen per result or key, not one per kata learned in the background.</summary>
    private static int Plain(IAnsiConsole console, Channel<RunnerInput> inputs, KataEngine engine, RunnerSession session)
    {
        using var watcher = new ChangeWatcher(engine.Paths, inputs.Writer);
        engine.LeftRunningFound += () => inputs.Writer.TryWrite(new RunnerInput.LeftRunning());
        object? printed = null;
        return new RunnerLoop(session, inputs.Reader, TimeProvider.System, screen =>
        {
            var key = (screen.Run, screen.Kata.Id, screen.HintsShown.Count, screen.ShowList, screen.Selected?.Id, screen.Notice);
            if (key.Equals(printed)) return;
            printed = key;
            console.Write(new Rows(ScreenRenderer.Plain(screen)));
        }, engine.TestsBuild.MarkStale, checkInBackground: true).RunAsync().GetAwaiter().GetResult();
    }
}
