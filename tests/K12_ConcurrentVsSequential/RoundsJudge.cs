using AsyncKatas.K12_ConcurrentVsSequential;

namespace AsyncKatas.Tests.K12_ConcurrentVsSequential;

/// <summary>
/// Judges the sleeps of a five-round program (E16 or E17) by what they show: how many there were, and
/// which started together. The fix names the method the evidence points at: the round (two sleeps),
/// TimeFiveRoundsAsync (five rounds in turn; probed on its own), or the Run…Async method that uses them.
/// </summary>
internal static class RoundsJudge
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    /// <summary>What TimeFiveRoundsAsync does with a round of its own, seen on a loop of its own: how many times it ran it, and whether each waited for the one before.</summary>
    internal sealed record Probe(int Rounds, bool InTurn);

    /// <summary>The sleep starts of five rounds: two at each second (E16), or one at each second (E17).</summary>
    public static double[] Expected(bool concurrent) =>
        [.. Enumerable.Range(0, concurrent ? 5 : 10).SelectMany(i => Enumerable.Repeat((double)i, concurrent ? 2 : 1))];

    /// <summary>Null when the sleeps are the five rounds of the program; otherwise what is wrong, and where.</summary>
    /// <param name="sleeps">The one-second sleeps the program took.</param>
    /// <param name="concurrent">E16 (RunConcurrentAsync) or E17 (RunSequentialAsync).</param>
    /// <param name="probeTimeFiveRounds">Sees how TimeFiveRoundsAsync runs rounds by itself (null if that could not be seen); called only when something is wrong.</param>
    public static Verdict? Check(IReadOnlyList<Sleep> sleeps, bool concurrent, Func<Probe?> probeTimeFiveRounds)
    {
        ArgumentNullException.ThrowIfNull(sleeps);
        ArgumentNullException.ThrowIfNull(probeTimeFiveRounds);
        var starts = sleeps.Select(s => s.StartedAt.TotalSeconds).ToList();
        if (starts.SequenceEqual(Expected(concurrent)) && sleeps.All(s => s.Duration == OneSecond)) return null;
        var probe = probeTimeFiveRounds();

        var method = concurrent ? "RunConcurrentAsync" : "RunSequentialAsync";
        var round = concurrent ? "ConcurrentRoundAsync" : "SequentialRoundAsync";
        var verdict = new Verdict(sleeps.Count == 10
                ? KataText.Text(concurrent ? "K12.NotTwoAtATime" : "K12.NotOneAtATime")
                : KataText.Format("K12.NotTenSleeps", sleeps.Count))
            .Evidence(KataText.Format("Judge.Yours", KataText.Format("K12.SleepsStartedAt", SleepRecorder.Starts(sleeps))))
            .Evidence(KataText.Format("Judge.Expected", KataText.Format("K12.SleepsStartedAt", string.Join(", ", Expected(concurrent).Select(s => $"{s:0.0##} s")))));
        var others = sleeps.Where(s => s.Duration != OneSecond).ToList();
        if (others.Count > 0) return verdict.Evidence(KataText.Format("K12.NotOneSecond", others.Count, string.Join(", ", others.Select(s => $"{s.Duration.TotalSeconds:0.0##} s"))))
            .Fix(KataText.Format("K12.Fix.TwoOneSecondSleeps", round));

        var together = sleeps.GroupBy(s => s.StartedAt).Select(g => g.Count()).ToList();
        if (probe is { Rounds: not 5 })
        {
            return verdict.Cause(KataText.Format("K12.Cause.ProbeRounds", probe.Rounds))
                .Fix(KataText.Text("K12.Fix.FiveTimesThere"));
        }
        if (sleeps.Count != 10)
        {
            return sleeps.Count % 2 == 0 && probe is not null
                ? verdict.Cause(KataText.Format("K12.Cause.OtherRounds", sleeps.Count / 2, method))
                    .Fix(KataText.Format("K12.Fix.HandTheRound", method))
                : verdict.Fix(KataText.Format("K12.Fix.TwiceThenFive", round));
        }
        if (together.Any(n => n > 2))
        {
            verdict.Evidence(KataText.Format("K12.Evidence.RoundsOverlapped", together.Max()));
            return probe is { InTurn: false }
                ? verdict.Cause(KataText.Text("K12.Cause.ProbeOverlaps"))
                    .Fix(KataText.Text("K12.Fix.AwaitEachRoundThere"))
                : probe is not null
                    ? verdict.Cause(KataText.Format("K12.Cause.RoundsStartedElsewhere", method))
                        .Fix(KataText.Format("K12.Fix.HandTheRoundToAwait", method))
                    : verdict.Fix(KataText.Text("K12.Fix.AwaitEachRoundTimeFiveRounds"));
        }
        if (concurrent && together.All(n => n == 1))
        {
            return verdict.Cause(KataText.Text("K12.Cause.SleepsInTurn"))
                .Fix(KataText.Text("K12.Fix.StartBothSleeps"));
        }
        if (!concurrent && together.Count == 5 && together.All(n => n == 2))
        {
            return verdict.Cause(KataText.Text("K12.Cause.SleepsTogether"))
                .Fix(KataText.Text("K12.Fix.AwaitEachSleep"));
        }
        return verdict.Fix(KataText.Format(concurrent ? "K12.Fix.ConcurrentRoundFiveTimes" : "K12.Fix.SequentialRoundFiveTimes", round));
    }

    /// <summary>Runs TimeFiveRoundsAsync with a round of the test's own (one second of sleep) on a loop of its own; null when it does not complete.</summary>
    public static Probe? ProbeTimeFiveRounds()
    {
        var starts = new List<(TimeSpan At, bool PreviousEnded)>();
        var running = 0;
        var run = VirtualLoop.Run(KataContext.Of(typeof(RoundsJudge)).Id, async io =>
        {
            await TwoSleeps.TimeFiveRoundsAsync(async () =>
            {
                starts.Add((io.Time.Elapsed, running == 0));
                running++;
                await Task.Delay(OneSecond, io.Time);
                running--;
            }, TextWriter.Null, io.Time);
        });
        return run.Outcome == LoopOutcome.Completed ? new Probe(starts.Count, starts.All(s => s.PreviousEnded)) : null;
    }
}
