using VirtualTimeLoop;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// For the watch runner's test process, between two runs: runs a small program of its own through the code a kata
/// test's first run goes through (the loop and its timeline, the FakeTimeProvider clock, the diff and the wording of
/// a verdict), so that the next run finds that code loaded and compiled in its fresh load context. It touches no
/// kata, no test, no file and no log: the run after it cannot tell it happened.
/// </summary>
public static class KataWarmUp
{
    public static void Run()
    {
        var run = VirtualLoop.Run("warm-up", environment => Program(new KataIO(environment)), RunTimelines.Recording(null));
        _ = run.Timeline.ToJson();
        _ = RunTimelines.Compact(run);
        _ = TextDiff.Describe("warm\nup\n", run.Output, [TimeSpan.Zero, TimeSpan.FromSeconds(1)], [.. run.Lines.Select(l => l.At)]);
    }

    private static async Task Program(KataIO io)
    {
        io.Out.WriteLine("warm");
        await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
        io.Out.WriteLine("up");
    }
}
