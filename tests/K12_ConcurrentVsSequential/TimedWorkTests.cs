using AsyncKatas.K12_ConcurrentVsSequential;

namespace AsyncKatas.Tests.K12_ConcurrentVsSequential;

[Category("K12")]
public class TimedWorkTests
{
    [Test]
    public void AwaitedWork_PrintsResultAndVirtualTime()
    {
        var run = KataLoop.Run(io => TimedWork.RunAsync(io.Out, io.Time));
        VerifyRun(run, timeline: [0, 3, 3], total: 3);
    }

    [Test]
    public void DoWork_SleepsForItsArgument()
    {
        string? result = null;
        var run = KataLoop.Run(async io => result = await TimedWork.DoWorkAsync(2, io.Out, io.Time));
        AssertCompleted(run);
        Judge.All(() =>
        {
            Judge.Equal(run.Output, "waiting: 2\n", KataText.Text("K12.DoWorkPrints"));
            Judge.Equal(result, "Done after 2 s", KataText.Text("K12.DoWorkReturns"));
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(2), KataText.Text("K12.DoWorkSleeps"),
                "await Task.Delay(TimeSpan.FromSeconds(x), time).");
        });
    }
}
