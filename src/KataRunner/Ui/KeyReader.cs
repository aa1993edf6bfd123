using System.Threading.Channels;
using KataRunner.Engine.Session;

namespace KataRunner.Ui;

/// <summary>Reads key presses on a thread of its own (not the shared pool, which the test loop watches)
/// and writes them into the runner's input channel: the arrows, PgUp/PgDn, space, Home and End scroll,
/// any other character goes to the session.</summary>
public static class KeyReader
{
    public static void Start(ChannelWriter<RunnerInput> inputs)
    {
        var thread = new Thread(() =>
        {
            while (true)
            {
                if (Map(Console.ReadKey(intercept: true)) is { } input) inputs.TryWrite(input);
            }
        }) { IsBackground = true, Name = "keys" };
        thread.Start();
    }

    public static RunnerInput? Map(ConsoleKeyInfo key) => key.Key switch
    {
        ConsoleKey.UpArrow => new RunnerInput.Scroll(ScrollKey.LineUp),
        ConsoleKey.DownArrow => new RunnerInput.Scroll(ScrollKey.LineDown),
        ConsoleKey.PageUp => new RunnerInput.Scroll(ScrollKey.PageUp),
        ConsoleKey.PageDown or ConsoleKey.Spacebar => new RunnerInput.Scroll(ScrollKey.PageDown),
        ConsoleKey.Home => new RunnerInput.Scroll(ScrollKey.Top),
        ConsoleKey.End => new RunnerInput.Scroll(ScrollKey.Bottom),
        _ when key.KeyChar == ' ' => new RunnerInput.Scroll(ScrollKey.PageDown),
        _ when key.KeyChar != '\0' => new RunnerInput.Key(key.KeyChar),
        _ => null,
    };
}
