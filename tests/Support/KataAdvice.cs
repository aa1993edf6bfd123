namespace AsyncKatas.Tests.Support;

/// <summary>
/// The fix that fits the kata at hand: a kata whose code is given `threads` (a TaskScheduler) may move
/// blocking work there; a kata without them is told to stay on the loop and sleep on its clock.
/// </summary>
public static class KataAdvice
{
    /// <summary>True when the kata's code is given the loop's threads (<c>TaskScheduler threads</c>; "threads" in katas/katas.json).</summary>
    public static bool HasThreads(Kata kata)
    {
        ArgumentNullException.ThrowIfNull(kata);
        return kata.GivesThreads;
    }

    /// <summary>What to do about code that ran on a thread the loop does not know.</summary>
    /// <param name="kata">The kata.</param>
    /// <param name="sleeps">True when that code slept (used the clock): say how to sleep on the loop.</param>
    public static string LeaveNoThread(Kata kata, bool sleeps = true) => KataText.Text(
        HasThreads(kata) ? "Fix.LeaveNoThread.Threads" : sleeps ? "Fix.LeaveNoThread.Sleeps" : "Fix.LeaveNoThread");

    /// <summary>What to do about a program that ended with work still running: what the kata's own work is (timeouts, an executor, a close), or any task.</summary>
    public static string FinishWhatYouStart(Kata kata) => KataText.Text(kata.Id switch
    {
        "K06" => "Fix.FinishWhatYouStart.Timeouts",
        "K08" or "K09" => "Fix.FinishWhatYouStart.Executor",
        "K13" => "Fix.FinishWhatYouStart.Close",
        _ => "Fix.FinishWhatYouStart",
    });
}
