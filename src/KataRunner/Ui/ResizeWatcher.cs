using System.Threading.Channels;
using KataRunner.Engine.Session;

namespace KataRunner.Ui;

/// <summary>
/// Tells the runner's loop when the terminal changes size, so that the full screen is drawn again at the
/// new size. .NET raises no event for it: a thread of its own (not the shared pool, which the test loop
/// watches) looks at the size four times a second.
/// </summary>
public static class ResizeWatcher
{
    public static void Start(ChannelWriter<RunnerInput> inputs)
    {
        var thread = new Thread(() =>
        {
            var size = (Console.WindowWidth, Console.WindowHeight);
            while (true)
            {
                Thread.Sleep(250);
                var now = (Console.WindowWidth, Console.WindowHeight);
                if (now == size) continue;
                size = now;
                inputs.TryWrite(new RunnerInput.Resized());
            }
        }) { IsBackground = true, Name = "terminal size" };
        thread.Start();
    }
}
