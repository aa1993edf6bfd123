using AsyncKatas.K19_Deadlines;

namespace AsyncKatas.Tests.K19_Deadlines;

/// <summary>
/// StepAsync on its own, its token cancelled 1 s into a 3 s step: whether the step's sleep stops at the token. Several
/// verdicts of HandleAsync and RunAsync fit a step that ignores its token as well as a budget made wrong; this tells them apart.
/// </summary>
internal static class StepProbe
{
    /// <summary>When a 3 s step cancelled at 1 s ended, in seconds; null when it stopped at 1 s, as it must.</summary>
    public static double? EndOfAStepCancelledAtOneSecond()
    {
        var ended = TimeSpan.Zero;
        var run = KataLoop.Run(async io =>
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1), io.Time);
            var step = Deadlines.StepAsync("probe", 3, io.Out, io.Time, cancel.Token);
            await Task.WhenAny(step);
            ended = io.Time.Elapsed;
        });
        return run.Outcome == LoopOutcome.Completed && ended > TimeSpan.FromSeconds(1) ? ended.TotalSeconds : null;
    }

    public const string Cause = "StepAsync's sleep does not take its token (checking the token before or after the sleep does not stop the sleep): " +
                                "a 3 s step cancelled at 1 s ran on until {0:0.#} s.";

    public const string Fix = "hand the token to the sleep: Task.Delay(delay, time, cancellationToken).";
}
