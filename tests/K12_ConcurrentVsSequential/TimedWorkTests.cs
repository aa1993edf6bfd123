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
            Judge.Equal(run.Output, "waiting: 2\n", "DoWorkAsync(2, ...) must print \"waiting: 2\" and nothing else.");
            Judge.Equal(result, "Done after 2 s", "DoWorkAsync(2, ...) must return \"Done after 2 s\" (mind the space before the s).");
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(2), "DoWorkAsync(2, ...) must sleep two virtual seconds; it took another time.",
                "await Task.Delay(TimeSpan.FromSeconds(x), time).");
        });
    }
}
