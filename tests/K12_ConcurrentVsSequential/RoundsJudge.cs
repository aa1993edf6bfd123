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
                ? $"the ten one-second sleeps of five rounds did not start {(concurrent ? "two at a time" : "one at a time")}, one round after the other."
                : $"the program took {sleeps.Count} sleep(s), not ten: five rounds of two one-second sleeps.")
            .Evidence($"yours:    sleeps started at {SleepRecorder.Starts(sleeps)}")
            .Evidence($"expected: sleeps started at {string.Join(", ", Expected(concurrent).Select(s => $"{s:0.0##} s"))}");
        var others = sleeps.Where(s => s.Duration != OneSecond).ToList();
        if (others.Count > 0) return verdict.Evidence($"{others.Count} sleep(s) did not last one second: {string.Join(", ", others.Select(s => $"{s.Duration.TotalSeconds:0.0##} s"))}")
            .Fix($"each round sleeps twice for one second ({round}), and nothing else sleeps.");

        var together = sleeps.GroupBy(s => s.StartedAt).Select(g => g.Count()).ToList();
        if (probe is { Rounds: not 5 })
        {
            return verdict.Cause($"TimeFiveRoundsAsync ran its round {probe.Rounds} time(s) when given one on its own.")
                .Fix("in TimeFiveRoundsAsync, run the round exactly five times.");
        }
        if (sleeps.Count != 10)
        {
            return sleeps.Count % 2 == 0 && probe is not null
                ? verdict.Cause($"{sleeps.Count / 2} rounds ran, yet TimeFiveRoundsAsync, given a round on its own, runs it five times: the other rounds came from {method}.")
                    .Fix($"let {method} hand its round to TimeFiveRoundsAsync, and run no round of its own.")
                : verdict.Fix($"a round ({round}) sleeps twice, and TimeFiveRoundsAsync runs it five times.");
        }
        if (together.Any(n => n > 2))
        {
            verdict.Evidence($"up to {together.Max()} sleeps started at the same moment: rounds ran at the same time instead of one after the other.");
            return probe is { InTurn: false }
                ? verdict.Cause("TimeFiveRoundsAsync, given a round on its own, starts a round before the previous one has ended.")
                    .Fix("in TimeFiveRoundsAsync, await each round before you start the next.")
                : probe is not null
                    ? verdict.Cause($"TimeFiveRoundsAsync, given a round on its own, runs the rounds one after the other: {method} started its rounds some other way.")
                        .Fix($"let {method} hand its round to TimeFiveRoundsAsync, which awaits each round before the next.")
                    : verdict.Fix("await each round before you start the next (TimeFiveRoundsAsync).");
        }
        if (concurrent && together.All(n => n == 1))
        {
            return verdict.Cause("each round's two sleeps started one after the other.")
                .Fix("in ConcurrentRoundAsync, start both sleeps before you await either.");
        }
        if (!concurrent && together.Count == 5 && together.All(n => n == 2))
        {
            return verdict.Cause("each round's two sleeps started together.")
                .Fix("in SequentialRoundAsync, await each sleep as soon as you start it (this is the article's slow version, on purpose).");
        }
        return verdict.Fix($"a round ({round}) {(concurrent ? "starts both sleeps, then awaits them" : "awaits each sleep as soon as it starts it")}; " +
                           "TimeFiveRoundsAsync runs it five times, each round after the previous one has ended.");
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
