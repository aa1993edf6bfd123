namespace VirtualTimeLoop;

/// <summary>The main task was cancelled (<see cref="LoopOutcome.ProgramFailed"/> without an exception).</summary>
public sealed record MainTaskCancelled : LoopEvidence
{
    internal override Sentence Say() => new("Evidence.MainTaskCancelled");
}

/// <summary>Where an exception that ended the run was thrown.</summary>
public enum ThrowSite
{
    /// <summary>In a timer's callback.</summary>
    TimerCallback,

    /// <summary>In a callback posted to the loop (the rest of an <c>async void</c> method, a Post).</summary>
    PostedCallback,

    /// <summary>In the loop itself: a fault of the library's.</summary>
    Loop,
}

/// <summary>An exception ended the run (<see cref="LoopRun.Exception"/>), thrown at <see cref="Site"/>.</summary>
/// <param name="Site">Where it was thrown.</param>
public sealed record ExceptionThrown(ThrowSite Site) : LoopEvidence
{
    internal override Sentence Say() => new($"Evidence.Thrown.{Site}");
}

/// <summary>Nothing was ready, no timer was armed and no thread was at work, yet the main task was waiting.</summary>
public sealed record NothingToRun : LoopEvidence
{
    internal override Sentence Say() => new("Evidence.NothingToRun");
}

/// <summary>The main task waits on a timer that is not the loop's clock's.</summary>
/// <param name="TimerType">The timer's type (full name).</param>
/// <param name="ClockType">The TimeProvider that owns it (full name), when the timer says.</param>
public sealed record OtherClockTimer(string TimerType, string? ClockType) : LoopEvidence
{
    internal override Sentence Say() => ClockType is null
        ? new("Evidence.OtherClockTimer", TimerType)
        : new("Evidence.OtherClockTimer.OfClock", ClockType);
}

/// <summary>
/// Work the program left pending: what was left when the main task completed (at <see cref="CompletedAt"/>),
/// and at the end of the run.
/// </summary>
/// <param name="AtCompletion">What was left when the main task completed; null when nothing (or when it never completed).</param>
/// <param name="CompletedAt">Virtual time at which the main task completed.</param>
/// <param name="AtEnd">What was left at the end of the run; null when nothing.</param>
public sealed record WorkLeftPending(PendingWork? AtCompletion, TimeSpan CompletedAt, PendingWork? AtEnd) : LoopEvidence
{
    internal override Sentence Say()
    {
        if (AtCompletion is null) return new("Evidence.Pending", AtEnd is null ? "" : LoopText.Describe(AtEnd));
        var atCompletion = LoopText.Describe(AtCompletion);
        var atEnd = AtEnd is null ? null : LoopText.Describe(AtEnd);
        return atEnd is null || atEnd == atCompletion
            ? new("Evidence.PendingAtCompletion", Time(CompletedAt), atCompletion)
            : new("Evidence.PendingAtCompletionAndEnd", Time(CompletedAt), atCompletion, atEnd);
    }
}
