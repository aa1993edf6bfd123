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
            Assert.That(starts, Is.EqualTo(new double[] { 0, 0, 1, 1, 2, 2, 3, 3, 4, 4 }),
                $"The five rounds run one after the other, and each round starts its two one-second sleeps together before it awaits them; " +
                $"so the sleeps start at 0, 0, 1, 1, 2, 2, 3, 3, 4, 4 s. They started at " +
                $"{SleepRecorder.Starts(clock.Sleeps)}.\nHint: {run.Kata.HintsPath}");
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
            Assert.That(starts, Is.EqualTo(Enumerable.Range(0, 10).Select(i => (double)i)),
                $"The sequential round shows what awaiting each sleep at once costs: each sleep must start only when the one before " +
                $"it has ended. The sleeps started at {SleepRecorder.Starts(clock.Sleeps)} instead of 0, 1, 2, ... 9 s " +
                $"(no Task.WhenAll here: this is the article's slow version, on purpose).\nHint: {run.Kata.HintsPath}");
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
        Assert.Multiple(() =>
        {
            Assert.That(sleeps.Select(s => s.Duration), Is.EqualTo(new[] { OneSecond, OneSecond }),
                $"A round sleeps twice, one second each; it slept {sleeps.Count} time(s): " +
                string.Join(", ", sleeps.Select(s => $"{s.Duration.TotalSeconds:0.0##} s")) + ".");
            Assert.That(sleeps.Select(s => s.StartedAt), Is.All.EqualTo(TimeSpan.Zero),
                $"The two sleeps of a concurrent round must both start before the round awaits either; they started at " +
                $"{SleepRecorder.Starts(sleeps)}. Awaiting a task the moment it is made gives no concurrency.");
            Assert.That(run.Elapsed, Is.EqualTo(OneSecond),
                $"A concurrent round takes one virtual second; this one took {run.Elapsed.TotalSeconds:0.0##} s.");
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
        Assert.Multiple(() =>
        {
            Assert.That(roundStarts.Select(t => t.TotalSeconds), Is.EqualTo(new[] { 0, 0.25, 0.5, 0.75, 1.0 }),
                $"Five rounds, each started when the previous one has ended; they started at " +
                $"{string.Join(", ", roundStarts.Select(t => $"{t.TotalSeconds:0.0##} s"))} instead of 0, 0.25, 0.5, 0.75, 1.0 s.");
            Assert.That(run.Output, Is.EqualTo("异步所花费的时间: 1.250000 s\n"),
                "The line gives the virtual time the five rounds took, one after the other (1.25 s for quarter-second rounds), " +
                "with six decimals as Python's %f does. Measure it on the injected clock, not with Stopwatch or DateTime.");
            Assert.That(run.Lines.Select(l => l.At.TotalSeconds), Is.EqualTo(new[] { 1.25 }),
                "The time is printed once, after the fifth round.");
        });
    }
}
