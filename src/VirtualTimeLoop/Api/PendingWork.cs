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

    /// <summary>"1 timer(s) still scheduled (due at 1.0 s); 2 async void method(s) still running".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (TimerDueTimes.Count > 0)
        {
            var shown = string.Join(", ", TimerDueTimes.Take(5).Select(VirtualTimeFormat.Seconds));
            parts.Add($"{TimerDueTimes.Count} timer(s) still scheduled (due at {shown}{(TimerDueTimes.Count > 5 ? ", …" : "")})");
        }
        if (Jobs > 0) parts.Add($"{Jobs} job(s) still on the loop's threads");
        if (AsyncVoidMethods > 0) parts.Add($"{AsyncVoidMethods} async void method(s) still running");
        return string.Join("; ", parts);
    }
}
