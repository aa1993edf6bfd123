namespace VirtualTimeLoop;

/// <summary>Work a program started and left pending: timers still armed, jobs on the loop's threads, <c>async void</c> methods still running.</summary>
/// <param name="TimerDueTimes">Due times (since the start) of the timers still armed, earliest first.</param>
/// <param name="Jobs">Jobs still running or queued on the loop's threads.</param>
/// <param name="AsyncVoidMethods"><c>async void</c> methods still running.</param>
public sealed record PendingWork(IReadOnlyList<TimeSpan> TimerDueTimes, int Jobs, int AsyncVoidMethods)
{
    /// <summary>True when nothing was left.</summary>
    public bool IsEmpty => TimerDueTimes.Count == 0 && Jobs == 0 && AsyncVoidMethods == 0;

    /// <summary>Both, each kind counted where it was seen the most.</summary>
    internal PendingWork Union(PendingWork? other) => other is null ? this : new(
        TimerDueTimes.Count >= other.TimerDueTimes.Count ? TimerDueTimes : other.TimerDueTimes,
        Math.Max(Jobs, other.Jobs),
        Math.Max(AsyncVoidMethods, other.AsyncVoidMethods));

    /// <summary>"1 timer(s) still scheduled (due at 1.0 s); 2 async void method(s) still running", in the current UI culture (see <see cref="LoopText.Describe(PendingWork)"/>).</summary>
    public override string ToString() => LoopText.Describe(this);
}
