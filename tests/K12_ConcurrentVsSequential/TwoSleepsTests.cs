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
        var run = KataLoop.Run(io => TwoSleeps.RunConcurrentAsync(io.Out, clock = new SleepRecorder(io.Time)));
        if (run.Outcome == LoopOutcome.Completed && RoundsJudge.Check(clock!.Sleeps, concurrent: true, RoundsJudge.ProbeTimeFiveRounds) is { } wrong) Judge.Fail(wrong);
        VerifyRun(run, timeline: [5], total: 5);
    }

    [Test]
    public void Sequential_FiveRounds_TakeTenSeconds()
    {
        SleepRecorder? clock = null;
        var run = KataLoop.Run(io => TwoSleeps.RunSequentialAsync(io.Out, clock = new SleepRecorder(io.Time)));
        if (run.Outcome == LoopOutcome.Completed && RoundsJudge.Check(clock!.Sleeps, concurrent: false, RoundsJudge.ProbeTimeFiveRounds) is { } wrong) Judge.Fail(wrong);
        VerifyRun(run, timeline: [10], total: 10);
    }

    [Test]
    public void ConcurrentRound_StartsBothSleepsBeforeAwaitingEither()
    {
        SleepRecorder? clock = null;
        var run = KataLoop.Run(io => TwoSleeps.ConcurrentRoundAsync(clock = new SleepRecorder(io.Time)));
        AssertCompleted(run);
        var sleeps = clock!.Sleeps;
        Judge.All(() =>
        {
            Judge.Sequence(sleeps.Select(s => s.Duration), [OneSecond, OneSecond], KataText.Text("K12.RoundSleepsTwice"));
            Judge.That(sleeps.All(s => s.StartedAt == TimeSpan.Zero), () => new Verdict(
                    KataText.Format("K12.ConcurrentRoundStarts", SleepRecorder.Starts(sleeps)))
                .Fix(KataText.Text("K12.Fix.StartBothThenAwait")));
            Judge.Equal(run.Elapsed, OneSecond, KataText.Text("K12.ConcurrentRoundTakesOneSecond"));
        });
    }

    [Test]
    public void TimeFiveRounds_RunsTheRoundsOneAfterAnother_AndPrintsTheVirtualTime()
    {
        // A quarter-second round: five of them, one after the other, make 1.25 s.
        var roundStarts = new List<TimeSpan>();
        var run = KataLoop.Run(io => TwoSleeps.TimeFiveRoundsAsync(async () =>
        {
            roundStarts.Add(io.Time.Elapsed);
            await Task.Delay(TimeSpan.FromMilliseconds(250), io.Time);
        }, io.Out, io.Time));
        AssertCompleted(run);
        Judge.All(() =>
        {
            if (roundStarts.Count != 5)
            {
                Judge.Fail(new Verdict(KataText.Format("K12.RanRoundsNotFive", roundStarts.Count))
                    .Evidence(KataText.Format("K12.Evidence.RoundsStartedAt", string.Join(", ", roundStarts.Select(t => $"{t.TotalSeconds:0.0##} s"))))
                    .Fix(KataText.Text("K12.Fix.RunFiveTimes")));
            }
            else
            {
                Judge.Sequence(roundStarts.Select(t => t.TotalSeconds), [0, 0.25, 0.5, 0.75, 1.0],
                    KataText.Text("K12.RoundsInTurn"),
                    KataText.Text("K12.Fix.AwaitEachRound"));
            }
            // The time printed is judged against the moment it was printed, so that rounds run at the wrong
            // moments (the check above) are not blamed on the measurement as well.
            var printedAt = run.Lines.Count == 1 ? run.Lines[0].At : TimeSpan.FromSeconds(1.25);
            Judge.Equal(run.Output, $"异步所花费的时间: {printedAt.TotalSeconds:F6} s\n",
                KataText.Text("K12.TimeLine"),
                KataText.Text("K12.Fix.MeasureOnTheClock"));
            Judge.Sequence(run.Lines.Select(l => l.At.TotalSeconds), [1.25], KataText.Text("K12.PrintedOnce"));
        });
    }
}
