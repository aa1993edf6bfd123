namespace AsyncKatas.Tests.Support;

/// <summary>
/// The kata layer's words for the library's keys (<see cref="LoopOutcome"/>, <see cref="LoopCause"/>,
/// <see cref="LoopFix"/>): where a kata says it better (the learner's terms, a fix the learner can write,
/// a kata's own work), its sentence from the kata catalogue; everywhere else the library's own.
/// Chosen by key, never by the library's wording.
/// </summary>
internal static class KataOverrides
{
    /// <summary>
    /// The causes a kata says in its own words (the kata catalogue's key), or leaves out (null): a kata's
    /// program puts nothing else on the shared pool, and the lock is named with the sleep.
    /// </summary>
    private static readonly Dictionary<LoopCause, string?> Causes = new()
    {
        [LoopCause.PoolWorkBlocksOnLoop] = "Cause.PoolWorkBlocksOnLoop",
        [LoopCause.PoolWorkSleepsOnRealClock] = "Cause.PoolWorkSleepsOrWaits",
        [LoopCause.PoolWorkWaitsForLock] = null,
        [LoopCause.PoolBusyWithOtherWork] = null,
        [LoopCause.LeftoverAsyncVoid] = "Cause.LeftoverAsyncVoid",
        [LoopCause.LeftoverTimer] = "Cause.LeftoverTimer",
        [LoopCause.LeftoverJobs] = "Cause.LeftoverJobs",
    };

    /// <summary>What was observed: the kata's sentence for the outcomes it words itself, else the library's.</summary>
    public static string Observed(LoopExplanation explanation, LoopRun run) => explanation.Observed switch
    {
        LoopOutcome.SharedPoolStalled => KataText.Text("Observed.SharedPoolStalled"),
        LoopOutcome.LeftoverWork => KataText.Format("Observed.LeftoverWork", run.Detail),
        _ => LoopText.Observed(explanation),
    };

    /// <summary>The library's note on the outcome, where the kata keeps the library's observation.</summary>
    public static string? Note(LoopOutcome outcome) => outcome is LoopOutcome.SharedPoolStalled or LoopOutcome.LeftoverWork ? null : LoopText.Note(outcome);

    /// <summary>The cause in the kata's words, the library's, or null when the kata leaves it out.</summary>
    public static string? Cause(LoopCause cause) =>
        Causes.TryGetValue(cause, out var key) ? key is null ? null : KataText.Text(key) : LoopText.Cause(cause);

    /// <summary>The fix that fits <paramref name="kata"/>: its threads (or none), its clock, its own work; else the library's.</summary>
    public static string Fix(LoopFix fix, Kata kata) => fix switch
    {
        LoopFix.BlockOnlyOnTheLoopsThreads => KataAdvice.LeaveNoThread(kata),
        LoopFix.UseTheRunsClock => KataText.Text("Fix.UseTheKatasClock"),
        LoopFix.AwaitOrUseTheLoopsThreads => KataText.Format("Fix.AwaitInsteadOfBlocking", KataAdvice.LeaveNoThread(kata)),
        LoopFix.AwaitEverythingStarted => KataAdvice.FinishWhatYouStart(kata),
        // The library's also offers raising LoopOptions.MaxThreads: the kata's tests set the options, not the learner.
        LoopFix.BoundTheConcurrency => KataText.Text("Fix.BoundTheConcurrency"),
        _ => LoopText.Fix(fix),
    };
}
