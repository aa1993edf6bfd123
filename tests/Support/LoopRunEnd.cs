namespace AsyncKatas.Tests.Support;

/// <summary>How a program ended, in the terms a verdict needs.</summary>
public static class LoopRunEnd
{
    /// <summary>
    /// True when the program ended cancelled: its main task was Canceled (the loop reports no exception then) or threw an
    /// OperationCanceledException.
    /// </summary>
    public static bool EndedCancelled(this LoopRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Outcome == LoopOutcome.ProgramFailed && run.Exception is null or OperationCanceledException;
    }
}
