using AsyncKatas.K01_EventLoop;

namespace AsyncKatas.Tests.K01_EventLoop;

[Category("K01")]
public class TwoWorkersTests
{
    [Test]
    public void OneWorker_PrintsFiveTimes_OneSecondApart()
    {
        var run = KataLoop.Run(io => TwoWorkers.WorkAsync(1, io.Out, io.Time));
        FailIfEveryLineCameOneSecondLate(run, [0, 1, 2, 3, 4]);
        VerifyRun(run, timeline: [0, 1, 2, 3, 4], total: 5);
    }

    /// <summary>Five lines, each exactly one second after the article's: the worker sleeps before it prints.</summary>
    private static void FailIfEveryLineCameOneSecondLate(LoopRun run, double[] timeline)
    {
        var at = run.Lines.Select(l => l.At.TotalSeconds).ToList();
        if (run.Outcome != LoopOutcome.Completed || at.Count != timeline.Length || at.Zip(timeline).Any(p => Math.Abs(p.First - p.Second - 1) > 1e-9)) return;
        Judge.Fail(new Verdict(KataText.Text("K01.LinesOneSecondLate"))
            .Printed(run)
            .Cause(KataText.Text("K01.Cause.SleepsBeforePrinting"))
            .Fix(KataText.Text("K01.Fix.PrintThenSleep")));
    }

    [Test]
    public void TwoWorkers_TakeTurns_OnOneLoop()
    {
        var run = KataLoop.Run(io => TwoWorkers.RunAsync(io.Out, io.Time));
        VerifyRun(run, timeline: [0, 0, 1, 1, 2, 2, 3, 3, 4, 4], total: 5);
    }
}
