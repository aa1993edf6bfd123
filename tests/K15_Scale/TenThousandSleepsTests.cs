using AsyncKatas.K15_Scale;

namespace AsyncKatas.Tests.K15_Scale;

[Category("K15")]
public class TenThousandSleepsTests
{
    [Test]
    public void TenThousandSleepingTasks_AllFinishAfterOneSecond()
    {
        var run = KataLoop.Run(io => TenThousandSleeps.SleepingTasksAsync(10_000, io.Out, io.Time));
        Report(run, KataText.Text("K15.Report.SleepingTasks"));
        FailIfTheSleepsWereMadeTwice(run, 10_000);
        VerifyRun(run, timeline: [1], total: 1);
    }

    [Test]
    public void TenThousandBlockingJobs_OnEightThreads_Take1250Seconds()
    {
        // 10,000 hand-overs between the loop and its worker threads: a few hundred milliseconds on a quiet
        // machine, several seconds on a loaded one, so this run gets more real time than the default.
        var run = KataLoop.Run(io => TenThousandSleeps.BlockingJobsAsync(10_000, 8, io.Out, io.Time, io.Threads),
            new LoopOptions { WallBudget = TimeSpan.FromSeconds(60) });
        Report(run, KataText.Text("K15.Report.BlockingJobs"));
        VerifyRun(run, timeline: [1250], total: 1250);
    }

    [Test]
    public void SleepingTasks_AllSleepAtOnce_OnNoThread()
    {
        var run = KataLoop.Run(io => TenThousandSleeps.SleepingTasksAsync(10_000, io.Out, io.Time));
        FailIfTheSleepsWereMadeTwice(run, 10_000);
        AssertCompleted(run);
        Judge.That(run.Elapsed == TimeSpan.FromSeconds(1), () => new Verdict(KataText.Format("K15.SleepsTookTooLong", Support.TextDiff.Seconds(run.Elapsed)))
            .Cause(run.Elapsed >= TimeSpan.FromSeconds(2) ? KataText.Text("K15.Cause.SleptOneAfterAnother") : null)
            .Fix(KataText.Text("K15.Fix.StartAllThenWait")));
        Judge.That(run.ThreadsCreated == 0, KataText.Format("K15.SleepsTookThreads", run.ThreadsCreated),
            KataText.Text("K15.Fix.AwaitDelay"));
        Judge.Equal(run.TimersFired, 10_000L, KataText.Text("K15.OneTimerPerTask"));
    }

    /// <summary>Counted none finished, and left exactly <paramref name="count"/> new sleeps armed: the sleeps were started a second time.</summary>
    private static void FailIfTheSleepsWereMadeTwice(LoopRun run, int count)
    {
        if (run.Outcome != LoopOutcome.LeftoverWork || run.TimersLeft != count || !run.Output.StartsWith("0 tasks finished", StringComparison.Ordinal)) return;
        Judge.Fail(new Verdict(KataText.Format("K15.SleepsMadeTwice", Support.TextDiff.Seconds(run.Elapsed), count))
            .Printed(run)
            .Cause(KataText.Text("K15.Cause.LazyQuery"))
            .Fix(KataText.Text("K15.Fix.KeepTheTasks")));
    }

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(500)]
    public void SleepingTasks_AnyNumber_FinishAfterOneSecond(int count)
    {
        var run = KataLoop.Run(io => TenThousandSleeps.SleepingTasksAsync(count, io.Out, io.Time));
        FailIfTheSleepsWereMadeTwice(run, count);
        AssertCompleted(run);
        Judge.Equal(run.Output, $"{count} tasks finished at 1.0 s\n", KataText.Format("K15.SleepsEndTogether", count),
            KataText.Text("K15.Fix.StartThenCount"));
        Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(1), KataText.Text("K15.EndWithLastSleep"));
    }

    [Test]
    public void BlockingJobs_NeverUseMoreThreadsThanThePoolHas()
    {
        var run = KataLoop.Run(io => TenThousandSleeps.BlockingJobsAsync(1_000, 8, io.Out, io.Time, io.Threads));
        AssertCompleted(run);
        Judge.That(run.ThreadsCreated is >= 1 and <= 8, KataText.Format("K15.JobsThreadsAtMostEight", run.ThreadsCreated),
            KataText.Text("K15.Fix.PoolWithLimit"));
    }

    // ceil(count / workers) rounds of one second each.
    [TestCase(1, 8, 1)]
    [TestCase(8, 8, 1)]
    [TestCase(9, 8, 2)]
    [TestCase(20, 8, 3)]
    [TestCase(10, 2, 5)]
    [TestCase(10, 10, 1)]
    [TestCase(12, 4, 3)]
    public void BlockingJobs_TakeOneSecondPerRoundOfWorkers(int count, int workers, int seconds)
    {
        var run = KataLoop.Run(io => TenThousandSleeps.BlockingJobsAsync(count, workers, io.Out, io.Time, io.Threads));
        AssertCompleted(run);
        // One job at a time, with room for several: count jobs took count seconds.
        Judge.That(seconds == count || run.Elapsed != TimeSpan.FromSeconds(count), () => new Verdict(
                KataText.Format("K15.JobsOneAtATime", count, Support.TextDiff.Seconds(run.Elapsed), workers))
            .Printed(run)
            .Cause(KataText.Text("K15.Cause.ExclusiveScheduler"))
            .Fix(KataText.Format("K15.Fix.ConcurrentScheduler", workers)));
        Judge.Equal(run.Output, $"{count} blocking jobs on {workers} threads finished at {seconds}.0 s\n",
            KataText.Format("K15.JobsInRounds", count, workers, seconds),
            KataText.Format("K15.Fix.QueueAllFirst", workers));
        Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(seconds), KataText.Format("K15.EndWithLastJob", seconds));
        Judge.That(run.ThreadsCreated >= 1 && run.ThreadsCreated <= workers, KataText.Format("K15.JobsThreads", run.ThreadsCreated, workers),
            KataText.Format("K15.Fix.PoolOfWorkers", workers));
    }

    private static void Report(LoopRun run, string what) =>
        TestContext.Out.WriteLine(KataText.Format("K15.Report", what, Support.TextDiff.Seconds(run.Elapsed), run.WallTime.TotalMilliseconds,
            run.TimersFired, run.Steps, run.ThreadsCreated));
}
