using System.Globalization;
using Microsoft.Extensions.Time.Testing;

namespace VirtualTimeLoop.FakeTime;

/// <summary>
/// A <see cref="FakeTimeProvider"/> whose clock is a run's <see cref="VirtualClock"/>: it overrides what
/// FakeTimeProvider lets a subclass override (<c>GetUtcNow</c>, <c>GetTimestamp</c>, <c>CreateTimer</c>,
/// the local time zone) and hands each to the loop's clock. FakeTimeProvider's own time stays at the
/// start, untouched; the members that move it are not virtual, so it is watched instead: when it has
/// moved (or auto-advance or the local time zone was set), the next use of this clock throws.
/// </summary>
internal sealed class LoopFakeTimeProvider : FakeTimeProvider
{
    private readonly VirtualClock _clock;
    private readonly DateTimeOffset _untouched;

    public LoopFakeTimeProvider(VirtualClock clock) : base(clock.Start)
    {
        _clock = clock;
        SetLocalTimeZone(clock.LocalTimeZone);
        _untouched = base.GetUtcNow();
    }

    public override DateTimeOffset GetUtcNow()
    {
        ThrowIfMovedByHand();
        return _clock.GetUtcNow();
    }

    public override long GetTimestamp()
    {
        ThrowIfMovedByHand();
        return _clock.GetTimestamp();
    }

    public override TimeZoneInfo LocalTimeZone => _clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ThrowIfMovedByHand();
        return _clock.CreateTimer(callback, state, dueTime, period);
    }

    /// <summary>The current virtual time, as FakeTimeProvider writes it.</summary>
    public override string ToString() => _clock.ToString();

    private void ThrowIfMovedByHand()
    {
        var moved = base.GetUtcNow() - _untouched;
        string? how = moved != TimeSpan.Zero ? $"its time was moved by hand ({moved.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms: Advance, SetUtcNow or AdjustTime)"
            : AutoAdvanceAmount != TimeSpan.Zero ? "AutoAdvanceAmount was set"
            : base.LocalTimeZone != _clock.LocalTimeZone ? "SetLocalTimeZone was called"
            : null;
        if (how is null) return;
        throw new InvalidOperationException(
            $"This FakeTimeProvider is a virtual loop's clock, and {how} inside the run. The loop moves time itself: " +
            "when everything waits, it jumps to the next timer. Remove the call and await the code under test instead " +
            "(to wait a while, await Task.Delay(delay, time)); set the start time and the local time zone with LoopOptions.StartTime and LoopOptions.LocalTimeZone.");
    }
}
