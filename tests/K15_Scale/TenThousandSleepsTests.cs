using AsyncKatas.K15_Scale;

namespace AsyncKatas.Tests.K15_Scale;

[Category("K15")]
public class TenThousandSleepsTests
{
    [Test]
    public void TenThousandSleepingTasks_AllFinishAfterOneSecond()
    {
        var run = KataLoop.Run(io => TenThousandSleeps.SleepingTasksAsync(10_000, io.Out, io.Time));
        Report(run, "10,000 sleeping tasks");
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
        Report(run, "10,000 blocking jobs on 8 threads");
        VerifyRun(run, timeline: [1250], total: 1250);
    }

    [Test]
    public void SleepingTasks_AllSleepAtOnce_OnNoThread()
    {
        var run = KataLoop.Run(io => TenThousandSleeps.SleepingTasksAsync(10_000, io.Out, io.Time));
        FailIfTheSleepsWereMadeTwice(run, 10_000);
        AssertCompleted(run);
        Judge.That(run.Elapsed == TimeSpan.FromSeconds(1), () => new Verdict($"10,000 one-second sleeps took {Support.TextDiff.Seconds(run.Elapsed)} of virtual time, not 1 s.")
            .Cause(run.Elapsed >= TimeSpan.FromSeconds(2) ? "they did not all sleep at once: some slept only after others had finished." : null)
            .Fix("start every task first (each call returns a running Task), then wait for them all."));
        Judge.That(run.ThreadsCreated == 0, $"the sleeps took {run.ThreadsCreated:N0} thread(s) from the loop's pool: a sleeping task needs no thread at all.",
            "await Task.Delay(delay, time) instead of blocking a thread on it.");
        Judge.Equal(run.TimersFired, 10_000L, "expected one one-second timer per task (10,000 timers fired on the clock).");
    }

    /// <summary>Counted none finished, and left exactly <paramref name="count"/> new sleeps armed: the sleeps were started a second time.</summary>
    private static void FailIfTheSleepsWereMadeTwice(LoopRun run, int count)
    {
        if (run.Outcome != LoopOutcome.LeftoverWork || run.TimersLeft != count || !run.Output.StartsWith("0 tasks finished", StringComparison.Ordinal)) return;
        Judge.Fail(new Verdict($"it counted 0 finished tasks at {Support.TextDiff.Seconds(run.Elapsed)} and left {count:N0} new one-second sleeps behind: as many as it was asked to run.")
            .Printed(run)
            .Cause("the tasks were made twice: a lazy query (a Select not turned into a list) calls its function again each time it is enumerated, so the count started new sleeps instead of looking at the finished ones.")
            .Fix("start the tasks once and keep them (Select(...).ToList() or an array), then wait for them and count those."));
    }

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(500)]
    public void SleepingTasks_AnyNumber_FinishAfterOneSecond(int count)
    {
        var run = KataLoop.Run(io => TenThousandSleeps.SleepingTasksAsync(count, io.Out, io.Time));
        FailIfTheSleepsWereMadeTwice(run, count);
        AssertCompleted(run);
        Judge.Equal(run.Output, $"{count} tasks finished at 1.0 s\n", $"{count} one-second sleeps that run together all end after one second.",
            "start every task first, then count them as they finish.");
        Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(1), "the program should end when the last sleep does, at 1.0 s.");
    }

    [Test]
    public void BlockingJobs_NeverUseMoreThreadsThanThePoolHas()
    {
        var run = KataLoop.Run(io => TenThousandSleeps.BlockingJobsAsync(1_000, 8, io.Out, io.Time, io.Threads));
        AssertCompleted(run);
        Judge.That(run.ThreadsCreated is >= 1 and <= 8, $"the jobs ran on {run.ThreadsCreated:N0} of the loop's threads: the pool must hold at most 8 (and the jobs must run on it).",
            "build it on `threads` with a limit, e.g. new ConcurrentExclusiveSchedulerPair(threads, maxConcurrencyLevel: workers).");
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
                $"{count} one-second blocking jobs took {Support.TextDiff.Seconds(run.Elapsed)}: they ran one at a time, although the pool may run {workers} at once.")
            .Printed(run)
            .Cause("the jobs went to a scheduler that runs one task at a time: a ConcurrentExclusiveSchedulerPair's ExclusiveScheduler, or a limit of 1.")
            .Fix($"queue the jobs on a scheduler that runs {workers} at once: the pair's ConcurrentScheduler (new ConcurrentExclusiveSchedulerPair(threads, maxConcurrencyLevel: workers).ConcurrentScheduler)."));
        Judge.Equal(run.Output, $"{count} blocking jobs on {workers} threads finished at {seconds}.0 s\n",
            $"{count} one-second blocking jobs on a pool of {workers} threads run in {seconds} round(s) (jobs / threads, rounded up).",
            $"queue them all first, let the pool run {workers} at a time, and count each job as it finishes.");
        Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(seconds), $"the program should end when the last job does, at {seconds}.0 s.");
        Judge.That(run.ThreadsCreated >= 1 && run.ThreadsCreated <= workers, $"the jobs ran on {run.ThreadsCreated} of the loop's threads; the pool holds {workers}.",
            $"build the pool on `threads` with a limit of {workers}.");
    }

    private static void Report(LoopRun run, string what) =>
        TestContext.Out.WriteLine(
            $"{what}: {Support.TextDiff.Seconds(run.Elapsed)} virtual, {run.WallTime.TotalMilliseconds:0} ms wall " +
            $"({run.TimersFired:N0} timers, {run.Steps:N0} loop steps, {run.ThreadsCreated} threads)");
}
