using AsyncKatas.K01_EventLoop;

namespace AsyncKatas.Tests.K01_EventLoop;

[Category("K01")]
public class TwoWorkersTests
{
    [Test]
    public void OneWorker_PrintsFiveTimes_OneSecondApart()
    {
        var run = KataLoop.Run(io => TwoWorkers.WorkAsync(1, io.Out, io.Time));
        VerifyRun(run, timeline: [0, 1, 2, 3, 4], total: 5);
    }

    [Test]
    public void TwoWorkers_TakeTurns_OnOneLoop()
    {
        var run = KataLoop.Run(io => TwoWorkers.RunAsync(io.Out, io.Time));
        VerifyRun(run, timeline: [0, 0, 1, 1, 2, 2, 3, 3, 4, 4], total: 5);
    }
}
