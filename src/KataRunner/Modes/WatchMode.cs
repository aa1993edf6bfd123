using System.Threading.Channels;
using KataRunner.Engine.Session;
using KataRunner.Ui;
using Spectre.Console;

namespace KataRunner.Modes;

/// <summary>
/// The default mode: show the current kata full screen, re-run it on every save under katas/
/// (debounced), and answer keys (h n p l r q, and the scroll keys). Without a terminal on stdin it falls
/// back to <see cref="OnceMode"/>; with stdout redirected it prints each new screen as plain text.
/// </summary>
public static class WatchMode
{
    public static int Run(RunnerCommand command)
    {
        if (Console.IsInputRedirected)
        {
            Console.Error.WriteLine("stdin is not a terminal: running once (--once).");
            return OnceMode.Run(command);
        }
        var fullScreen = ConsoleFactory.CanDrawFullScreen;
        var console = ConsoleFactory.Create(fullScreen);
        if (Startup.Open(console, command) is not var (engine, session)) return 2;
        var inputs = Channel.CreateUnbounded<RunnerInput>();
        using var watcher = new ChangeWatcher(engine.Paths, inputs.Writer);
        KeyReader.Start(inputs.Writer);
        // Ctrl+C quits as q does, so that the terminal gets its normal screen back.
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; inputs.Writer.TryWrite(new RunnerInput.Key('q')); };
        if (!fullScreen)
        {
            // One screen per result or key, not one per kata learned in the background.
            object? printed = null;
            return new RunnerLoop(session, inputs.Reader, TimeProvider.System, screen =>
            {
                var key = (screen.Run, screen.Kata.Id, screen.HintsShown.Count, screen.ShowList, screen.Notice);
                if (key.Equals(printed)) return;
                printed = key;
                console.Write(new Rows(ScreenRenderer.Plain(screen)));
            }, engine.TestsBuild.MarkStale).RunAsync().GetAwaiter().GetResult();
        }
        ResizeWatcher.Start(inputs.Writer);
        var view = new ScreenView(console, plain: ConsoleFactory.NoColor);
        var loop = new RunnerLoop(session, inputs.Reader, TimeProvider.System, view.Show, engine.TestsBuild.MarkStale, view.Scroll);
        var exit = 0;
        console.AlternateScreen(() =>
        {
            console.Cursor.Hide();
            try { exit = loop.RunAsync().GetAwaiter().GetResult(); }
            finally { console.Cursor.Show(); }
        });
        return exit;
    }
}
