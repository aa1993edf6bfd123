namespace VirtualTimeLoop;

/// <summary>
/// Thrown by <see cref="LoopRun.EnsureCompleted"/> for a run that did not complete: its message is the
/// run's explanation (what happened, the likely cause, the fix), and <see cref="Exception.InnerException"/>
/// is what the program threw, if it threw.
/// </summary>
public sealed class LoopRunException : Exception
{
    /// <summary>Wraps the explanation of a run that did not complete.</summary>
    public LoopRunException(LoopRun run) : base((run ?? throw new ArgumentNullException(nameof(run))).Explain(), run.Exception)
    {
        Run = run;
    }

    /// <summary>The run that did not complete.</summary>
    public LoopRun Run { get; }
}
