using System.Threading.Channels;
using KataRunner.Engine.Session;
using KataRunner.Ui;
using Spectre.Console;

namespace KataRunner.Modes;

/// <summary>
/// The default mode: show the current kata, re-run it on every save under katas/ (debounced), and
/// answer keys (h n p l r q). Without a terminal on stdin it falls back to <see cref="OnceMode"/>.
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
        var console = ConsoleFactory.Create();
        if (Startup.Open(console, command) is not var (engine, session)) return 2;
        var inputs = Channel.CreateUnbounded<RunnerInput>();
        using var watcher = new ChangeWatcher(engine.Paths, inputs.Writer);
        KeyReader.Start(inputs.Writer);
        var loop = new RunnerLoop(session, inputs.Reader, TimeProvider.System, screen => Show(console, screen), engine.TestsBuild.MarkStale);
        return loop.RunAsync().GetAwaiter().GetResult();
    }

    private static void Show(IAnsiConsole console, Screen screen)
    {
        console.Clear(home: true);
        console.Write(new Rows(ScreenRenderer.Render(screen, interactive: true)));
    }
}
