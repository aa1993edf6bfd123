using System.Runtime.ExceptionServices;

namespace VirtualTimeLoop;

/// <summary>
/// What one run on the <see cref="VirtualLoop"/> printed, when, and how it ended. Only the loop makes
/// one: a class with init properties, so that it can grow without breaking code that reads it.
/// </summary>
public class LoopRun
{
    internal LoopRun() { }

    /// <summary>A copy of <paramref name="other"/> (for a derived result that adds to it).</summary>
    private protected LoopRun(LoopRun other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Label = other.Label;
        Outcome = other.Outcome;
        Evidence = other.Evidence;
        Exception = other.Exception;
        Output = other.Output;
        Lines = other.Lines;
        Elapsed = other.Elapsed;
        WallTime = other.WallTime;
        Steps = other.Steps;
        TimersFired = other.TimersFired;
        TimersLeft = other.TimersLeft;
        ThreadsCreated = other.ThreadsCreated;
        MainTask = other.MainTask;
        Leftovers = other.Leftovers;
        Recorder = other.Recorder;
    }

    /// <summary>The label the caller gave the run.</summary>
    public string Label { get; internal init; } = "program";

    /// <summary>How the run ended.</summary>
    public LoopOutcome Outcome { get; internal init; }

    /// <summary>What the guard that stopped the run observed, or what was left over, as data; null when there is nothing to add.</summary>
    public LoopEvidence? Evidence { get; internal init; }

    /// <summary><see cref="Evidence"/> in words, in the current UI culture; null when there is nothing to add.</summary>
    public string? Detail => Evidence is null ? null : LoopText.Describe(Evidence);

    /// <summary>The exception that ended the program, if any.</summary>
    public Exception? Exception { get; internal init; }

    /// <summary>Everything the program printed, exactly.</summary>
    public string Output { get; internal init; } = "";

    /// <summary>Each printed line with the virtual time at which it was completed.</summary>
    public IReadOnlyList<PrintedLine> Lines { get; internal init; } = [];

    /// <summary>Virtual time from the start to the end of the run.</summary>
    public TimeSpan Elapsed { get; internal init; }

    /// <summary>
    /// Real time the run took. (A run reports no CPU time: its work spans the loop thread, its workers
    /// and the shared thread pool, and in a parallel suite the process's CPU time is not the run's;
    /// measure around the run where the process runs one thing at a time.)
    /// </summary>
    public TimeSpan WallTime { get; internal init; }

    /// <summary>Callbacks run plus timers fired.</summary>
    public long Steps { get; internal init; }

    /// <summary>Timers fired.</summary>
    public long TimersFired { get; internal init; }

    /// <summary>Timers still armed at the end.</summary>
    public int TimersLeft { get; internal init; }

    /// <summary>Threads the loop's thread pool (<see cref="LoopEnvironment.Threads"/>) started.</summary>
    public int ThreadsCreated { get; internal init; }

    /// <summary>The program's main task, if it returned one.</summary>
    public Task? MainTask { get; internal init; }

    private LoopExplanation? _explanation;
    private RunTimeline? _timeline;

    /// <summary>The recorder of a run whose options asked for its timeline.</summary>
    internal TimelineRecorder? Recorder { get; init; }

    /// <summary>
    /// What the run did over virtual time: lanes per task, with runs, sleeps, waits, printed lines and
    /// timers (see <see cref="RunTimeline"/>). Recorded only when <see cref="LoopOptions.RecordTimeline"/>
    /// was true; otherwise <see cref="RunTimeline.Empty"/>.
    /// </summary>
    public RunTimeline Timeline => _timeline ??= Recorder?.Build(Elapsed) ?? RunTimeline.Empty;

    /// <summary>What the program left pending (timers, jobs, async void methods) when its main task completed or when the run ended; null when nothing.</summary>
    public PendingWork? Leftovers { get; internal init; }

    /// <summary>Why the run ended as it did, as data: what was observed, the evidence, the causes, the fix, the source line.</summary>
    public LoopExplanation Explanation => _explanation ??= LoopRunExplanation.Describe(this);

    /// <summary>The explanation a reader sees: the label, what happened, the likely cause, and what to do.</summary>
    public string Explain() => $"{Label}: {ExplainOutcome()}";

    /// <summary>What happened, the likely cause, and what to do (without the label): <see cref="Explanation"/> as text.</summary>
    public string ExplainOutcome() => Explanation.ToString();

    /// <summary>
    /// Returns this run if it completed; otherwise throws. An assertion that failed inside the program
    /// (NUnit's, xUnit's, MSTest's, or any exception a test framework reports as a failed assertion) is
    /// rethrown as it was, with its own stack trace, so the test framework reports it as its own;
    /// anything else throws a <see cref="LoopRunException"/> whose message is <see cref="Explain"/>.
    /// </summary>
    /// <exception cref="LoopRunException">The run did not complete, and not because an assertion failed.</exception>
    public LoopRun EnsureCompleted()
    {
        if (Outcome == LoopOutcome.Completed) return this;
        if (AssertionFailures.Find(Exception) is { } assertion) ExceptionDispatchInfo.Capture(assertion).Throw();
        throw new LoopRunException(this);
    }
}

/// <summary>A run whose program returned a value: <see cref="Value"/> is that value once the run completed.</summary>
/// <typeparam name="T">What the program's main task returns.</typeparam>
public sealed class LoopRun<T> : LoopRun
{
    private readonly T _value;

    internal LoopRun(LoopRun run, T value) : base(run) => _value = value;

    /// <summary>
    /// The value the program's main task returned. Reading it checks the run as
    /// <see cref="LoopRun.EnsureCompleted"/> does: a run that did not complete has no value, and throws.
    /// </summary>
    /// <exception cref="LoopRunException">The run did not complete.</exception>
    public T Value
    {
        get
        {
            EnsureCompleted();
            return _value;
        }
    }

    /// <summary>Returns this run if it completed; otherwise throws as <see cref="LoopRun.EnsureCompleted"/>.</summary>
    public new LoopRun<T> EnsureCompleted()
    {
        base.EnsureCompleted();
        return this;
    }
}
