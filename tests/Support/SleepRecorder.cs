using Microsoft.Extensions.Time.Testing;

namespace AsyncKatas.Tests.Support;

/// <summary>One sleep (one timer) of a program: when it started on the virtual clock, and for how long.</summary>
public sealed record Sleep(TimeSpan StartedAt, TimeSpan Duration);

/// <summary>
/// The loop's clock, seen through a window that notes every timer the program starts (every
/// <c>Task.Delay(delay, time)</c>, a timeout's timer, a CancellationTokenSource's), so a test can tell
/// sleeps that overlap from sleeps taken in turn, and a timeout started once from one started per task.
/// </summary>
public sealed class SleepRecorder(FakeTimeProvider clock) : TimeProvider
{
    private readonly List<Sleep> _sleeps = [];

    public IReadOnlyList<Sleep> Sleeps { get { lock (_sleeps) { return _sleeps.ToList(); } } }

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();
    public override long GetTimestamp() => clock.GetTimestamp();
    public override long TimestampFrequency => clock.TimestampFrequency;
    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_sleeps) { _sleeps.Add(new Sleep(clock.Elapsed, dueTime)); }
        }
        return clock.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>"0 s, 0 s, 1 s, ...": the start times, for messages.</summary>
    public static string Starts(IEnumerable<Sleep> sleeps)
    {
        var text = string.Join(", ", sleeps.Select(s => $"{s.StartedAt.TotalSeconds:0.0##} s"));
        return text.Length == 0 ? KataText.Text("Listing.None") : text;
    }
}
