using AsyncKatas.K12_ConcurrentVsSequential;

namespace AsyncKatas.Tests.K12_ConcurrentVsSequential;

[Category("K12")]
public class TwoSleepsTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Test]
    public void Concurrent_FiveRounds_TakeFiveSeconds()
    {
        SleepRecorder? clock = null;
        var run = KataLoop.Run("K12", io => TwoSleeps.RunConcurrentAsync(io.Out, clock = new SleepRecorder(io.Time)));
        if (run.Outcome == LoopOutcome.Completed)
        {
            var starts = clock!.Sleeps.Select(s => s.StartedAt.TotalSeconds);
            Judge.Sequence(starts, [0, 0, 1, 1, 2, 2, 3, 3, 4, 4],
                "the sleeps (virtual second each started at) do not start two at a time, one round after the other.",
                "run the five rounds one after the other, and in each round start both one-second sleeps before you await them.");
        }
        VerifyRun(run, timeline: [5], total: 5);
    }

    [Test]
    public void Sequential_FiveRounds_TakeTenSeconds()
    {
        SleepRecorder? clock = null;
        var run = KataLoop.Run("K12", io => TwoSleeps.RunSequentialAsync(io.Out, clock = new SleepRecorder(io.Time)));
        if (run.Outcome == LoopOutcome.Completed)
        {
            var starts = clock!.Sleeps.Select(s => s.StartedAt.TotalSeconds);
            Judge.Sequence(starts, Enumerable.Range(0, 10).Select(i => (double)i),
                "the sequential version shows what awaiting each sleep at once costs: each sleep must start only when the one before it has ended " +
                "(the virtual second each sleep started at).",
                "await each sleep as soon as you start it (this is the article's slow version, on purpose).");
        }
        VerifyRun(run, timeline: [10], total: 10);
    }

    [Test]
    public void ConcurrentRound_StartsBothSleepsBeforeAwaitingEither()
    {
        SleepRecorder? clock = null;
        var run = KataLoop.Run("K12", io => TwoSleeps.ConcurrentRoundAsync(clock = new SleepRecorder(io.Time)));
        AssertCompleted(run);
        var sleeps = clock!.Sleeps;
        Judge.All(() =>
        {
            Judge.Sequence(sleeps.Select(s => s.Duration), [OneSecond, OneSecond], "a round sleeps twice, one second each (the sleeps it took).");
            Judge.That(sleeps.All(s => s.StartedAt == TimeSpan.Zero), () => new Verdict(
                    $"the two sleeps of a concurrent round must both start before the round awaits either; they started at {SleepRecorder.Starts(sleeps)}.")
                .Fix("start both sleeps, then await them both: awaiting a task the moment it is made gives no concurrency."));
            Judge.Equal(run.Elapsed, OneSecond, "a concurrent round takes one virtual second; this one took another time.");
        });
    }

    [Test]
    public void TimeFiveRounds_RunsTheRoundsOneAfterAnother_AndPrintsTheVirtualTime()
    {
        // A quarter-second round: five of them, one after the other, make 1.25 s.
        var roundStarts = new List<TimeSpan>();
        var run = KataLoop.Run("K12", io => TwoSleeps.TimeFiveRoundsAsync(async () =>
        {
            roundStarts.Add(io.Time.Elapsed);
            await Task.Delay(TimeSpan.FromMilliseconds(250), io.Time);
        }, io.Out, io.Time));
        AssertCompleted(run);
        Judge.All(() =>
        {
            Judge.Sequence(roundStarts.Select(t => t.TotalSeconds), [0, 0.25, 0.5, 0.75, 1.0],
                "five rounds, each started when the previous one has ended (the virtual second each round started at).",
                "await each round before you start the next.");
            Judge.Equal(run.Output, "异步所花费的时间: 1.250000 s\n",
                "the line must give the virtual time the five rounds took, one after the other (1.25 s for quarter-second rounds), with six decimals as Python's %f does.",
                "measure it on the injected clock, not with Stopwatch or DateTime, and format it with F6 (or 0.000000).");
            Judge.Sequence(run.Lines.Select(l => l.At.TotalSeconds), [1.25], "the time must be printed once, after the fifth round (the virtual seconds of the lines printed).");
        });
    }
}
