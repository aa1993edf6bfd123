using AsyncKatas.K08_ThreadPoolExecutor;

namespace AsyncKatas.Tests.K08_ThreadPoolExecutor;

[Category("K08")]
public class FourJobsTests
{
    [Test]
    public void Work_BlocksItsThreadOneSecond_PrintsTheValue_Returns123()
    {
        var result = 0;
        var run = KataLoop.Run(async io =>
        {
            result = await Task.Factory.StartNew(() => FourJobs.Work(7, io.Out, io.Time),
                CancellationToken.None, TaskCreationOptions.None, io.Threads);
        });
        VerifyRun(run, timeline: [1], total: 1);
        Judge.Equal(result, 123, KataText.Text("K08.WorkWrongValue"), KataText.Text("K08.Fix.ReturnTheValue"));
    }

    [Test]
    public void RunAsync_PrintsTwoRunningTwoPending_ThenTheValuesTwoPerSecond()
    {
        var run = KataLoop.Run(io => FourJobs.RunAsync(io.Out, io.Time, io.Threads));
        VerifyRun(run, timeline: [0, 0, 0, 0, 1, 1, 2, 2], total: 2);
    }
}
