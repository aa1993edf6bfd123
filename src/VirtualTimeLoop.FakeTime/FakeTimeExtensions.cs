using System.Runtime.CompilerServices;
using Microsoft.Extensions.Time.Testing;

namespace VirtualTimeLoop.FakeTime;

/// <summary>The run's virtual clock as a <see cref="FakeTimeProvider"/>.</summary>
public static class FakeTimeExtensions
{
    private static readonly ConditionalWeakTable<LoopEnvironment, FakeTimeProvider> Fakes = [];

    /// <summary>
    /// The run's clock as a <see cref="FakeTimeProvider"/> (the same instance on every call in a run), for
    /// code and fixtures that take one. Its time is the loop's: timers created through it fire when the
    /// loop moves time to them, with no <c>Advance</c> to call. <c>Advance</c>, <c>SetUtcNow</c>,
    /// <c>AdjustTime</c>, <c>AutoAdvanceAmount</c> and <c>SetLocalTimeZone</c> cannot move or change it
    /// (FakeTimeProvider does not let a subclass take them over): once one of them was called, the next
    /// use of the clock throws <see cref="InvalidOperationException"/> saying so. The start time and the
    /// local time zone come from the run's <see cref="LoopOptions"/>.
    /// </summary>
    public static FakeTimeProvider FakeTime(this LoopEnvironment io)
    {
        ArgumentNullException.ThrowIfNull(io);
        return Fakes.GetValue(io, static io => new LoopFakeTimeProvider(io.Time));
    }
}
