using System.Threading.Channels;
using KataRunner.Engine.Session;

namespace KataRunner.Ui;

/// <summary>Reads key presses on a thread of its own (not the shared pool, which the test loop watches)
/// and writes them into the runner's input channel.</summary>
public static class KeyReader
{
    public static void Start(ChannelWriter<RunnerInput> inputs)
    {
        var thread = new Thread(() =>
        {
            while (true)
            {
                var key = Console.ReadKey(intercept: true);
                if (key.KeyChar != '\0') inputs.TryWrite(new RunnerInput.Key(key.KeyChar));
            }
        }) { IsBackground = true, Name = "keys" };
        thread.Start();
    }
}
