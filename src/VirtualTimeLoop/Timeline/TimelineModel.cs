namespace VirtualTimeLoop;

/// <summary>What a lane did over an interval of virtual time.</summary>
public enum TimelineSpanKind
{
    /// <summary>It ran (a step of the loop, or a part of one): an instant of virtual time.</summary>
    Ran,
    /// <summary>It slept on a timer it armed itself, until that timer's due time.</summary>
    Slept,
    /// <summary>It waited on something else: another lane's work, a timer another lane armed, a thread.</summary>
    Waited,
}

/// <summary>One interval of a lane, in virtual time since the start of the run.</summary>
public sealed class TimelineSpan
{
    /// <summary>What the lane did.</summary>
    public TimelineSpanKind Kind { get; init; }

    /// <summary>Virtual time since the start at which it began.</summary>
    public TimeSpan Start { get; init; }

    /// <summary>Virtual time since the start at which it ended (equal to <see cref="Start"/> for a run).</summary>
    public TimeSpan End { get; init; }

    /// <summary>The thread a run happened on ("loop", "worker 1"); null for a sleep or a wait.</summary>
    public string? Thread { get; init; }

    /// <summary>The timer slept on (<see cref="TimelineTimer.Id"/>), or the timer whose firing ended the wait; null otherwise.</summary>
    public int? TimerId { get; init; }

    /// <summary>The lane whose work ended the wait (<see cref="TimelineLane.Id"/>); null otherwise.</summary>
    public int? WaitedOnLane { get; init; }

    /// <summary>What ended the wait, in words ("WorkAsync(2)", "timer #3", "thread worker 1"); null for a run.</summary>
    public string? WaitedOn { get; init; }
}

/// <summary>One line a lane printed, at the virtual time its newline was written.</summary>
public sealed class TimelinePrint
{
    /// <summary>The line, without its newline.</summary>
    public string Text { get; init; } = "";

    /// <summary>Virtual time since the start.</summary>
    public TimeSpan At { get; init; }

    /// <summary>The thread that printed it.</summary>
    public string Thread { get; init; } = "";
}

/// <summary>One task or async method instance of the run (or the program's main task, or a thread), named after its method.</summary>
public sealed class TimelineLane
{
    /// <summary>Its number in <see cref="RunTimeline.Lanes"/>, from 0 (the main task).</summary>
    public int Id { get; init; }

    /// <summary>The method, with its simple arguments when the compiler kept them: "WorkAsync(1)", "main".</summary>
    public string Name { get; init; } = "";

    /// <summary>What it did, in time order: runs, and the sleeps and waits between them.</summary>
    public IReadOnlyList<TimelineSpan> Spans { get; init; } = [];

    /// <summary>What it printed, in order.</summary>
    public IReadOnlyList<TimelinePrint> Prints { get; init; } = [];

    /// <summary>Virtual time of its first run.</summary>
    public TimeSpan Start => Spans.Count > 0 ? Spans[0].Start : TimeSpan.Zero;

    /// <summary>Virtual time of its last recorded moment.</summary>
    public TimeSpan End => Spans.Count > 0 ? Spans[^1].End : TimeSpan.Zero;
}

/// <summary>A timer armed on the run's virtual clock: when, for when, by which lane, and where in the code.</summary>
public sealed class TimelineTimer
{
    /// <summary>Its number, from 1, in the order timers were armed (a re-armed timer keeps its number).</summary>
    public int Id { get; init; }

    /// <summary>Virtual time it was (last) armed at.</summary>
    public TimeSpan ArmedAt { get; init; }

    /// <summary>Virtual time it was due at.</summary>
    public TimeSpan DueAt { get; init; }

    /// <summary>Its period; zero for a timer that fires once.</summary>
    public TimeSpan Period { get; init; }

    /// <summary>The lane that armed it (<see cref="TimelineLane.Id"/>); null when armed from a thread of no lane.</summary>
    public int? LaneId { get; init; }

    /// <summary>Where it was created: the first frame outside the runtime and this library ("Worker.cs:12 in WorkAsync"); null when not recorded.</summary>
    public string? Site { get; init; }

    /// <summary>True if it fired during the run.</summary>
    public bool Fired { get; init; }
}
