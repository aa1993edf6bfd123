namespace VirtualTimeLoop;

/// <summary>What one run on the <see cref="VirtualLoop"/> printed, when, and how it ended.</summary>
/// <param name="Label">The label the caller gave the run.</param>
/// <param name="Outcome">How the run ended.</param>
/// <param name="Detail">What the guard that stopped the run observed, or what was left over; null when there is nothing to add.</param>
/// <param name="Exception">The exception that ended the program, if any.</param>
/// <param name="Output">Everything the program printed, exactly.</param>
/// <param name="Lines">Each printed line with the virtual time at which it was completed.</param>
/// <param name="Elapsed">Virtual time from the start to the end of the run.</param>
/// <param name="WallTime">Real time the run took.</param>
/// <param name="CpuTime">Processor time the whole process used during the run.</param>
/// <param name="Steps">Callbacks run plus timers fired.</param>
/// <param name="TimersFired">Timers fired.</param>
/// <param name="TimersLeft">Timers still armed at the end.</param>
/// <param name="ThreadsCreated">Threads the loop's <see cref="VirtualThreadPool"/> started.</param>
/// <param name="MainTask">The program's main task, if it returned one.</param>
public sealed record LoopRun(
    string Label,
    LoopOutcome Outcome,
    string? Detail,
    Exception? Exception,
    string Output,
    IReadOnlyList<PrintedLine> Lines,
    TimeSpan Elapsed,
    TimeSpan WallTime,
    TimeSpan CpuTime,
    long Steps,
    long TimersFired,
    int TimersLeft,
    int ThreadsCreated,
    Task? MainTask)
{
    private LoopExplanation? _explanation;

    /// <summary>What the program left pending (timers, jobs, async void methods) when its main task completed or when the run ended; null when nothing.</summary>
    public Leftovers? Leftovers { get; init; }

    /// <summary>Why the run ended as it did, as data: what was observed, the evidence, the causes, the fix, the source line.</summary>
    public LoopExplanation Explanation => _explanation ??= LoopRunExplanation.Describe(this);

    /// <summary>The explanation a reader sees: the label, what happened, the likely cause, and what to do.</summary>
    public string Explain() => $"{Label}: {ExplainOutcome()}";

    /// <summary>What happened, the likely cause, and what to do (without the label): <see cref="Explanation"/> as text.</summary>
    public string ExplainOutcome() => Explanation.ToString();
}
