using Microsoft.Extensions.Time.Testing;

namespace VirtualTimeLoop.Tests;

/// <summary>
/// Cases ported from dotnet/extensions test/Libraries/Microsoft.Extensions.TimeProvider.Testing.Tests/FakeTimeProviderTests.cs,
/// run on the loop (the loop moves time; the program sleeps where the original calls Advance).
/// Assert.ThrowsAsync only wraps tasks that have already ended: it blocks, and the loop's thread must not.
/// </summary>
public class PortedFakeTimeProviderTests
{
    // FakeTimeProviderTests.DefaultCtor (the loop's clock starts at the Unix epoch, not 2000-01-01)
    [Test]
    public void Reading_the_clock_twice_without_sleeping_gives_the_same_time()
    {
        OnTheLoop.Run(io =>
        {
            var (now, timestamp) = (io.Time.GetUtcNow(), io.Time.GetTimestamp());
            Assert.Multiple(() =>
            {
                Assert.That(now, Is.EqualTo(io.Time.Start));
                Assert.That(now.Offset, Is.EqualTo(TimeSpan.Zero));
                Assert.That(io.Time.TimestampFrequency, Is.EqualTo(10_000_000));
                Assert.That((io.Time.GetUtcNow(), io.Time.GetTimestamp()), Is.EqualTo((now, timestamp)));
            });
            return Task.CompletedTask;
        });
    }

    // FakeTimeProviderTests.GetTimestampSyncWithUtcNow and AdvanceGoesForward
    [Test]
    public void Time_and_timestamps_move_together()
    {
        OnTheLoop.Run(async io =>
        {
            var (utc0, ts0) = (io.Time.GetUtcNow(), io.Time.GetTimestamp());
            await io.Ms(1234);
            var (utc1, ts1) = (io.Time.GetUtcNow(), io.Time.GetTimestamp());
            Assert.Multiple(() =>
            {
                Assert.That((utc1 - utc0).TotalMilliseconds, Is.EqualTo(1234));
                Assert.That((double)(ts1 - ts0) / io.Time.TimestampFrequency, Is.EqualTo(1.234).Within(1e-9));
                Assert.That(io.Time.GetElapsedTime(ts0, ts1).TotalMilliseconds, Is.EqualTo(1234));
            });
        });
    }

    // FakeTimeProviderTests.LocalTimeZoneIsUtc and ToStr
    [Test]
    public void The_local_time_zone_is_UTC_and_the_clock_prints_as_FakeTimeProvider_does()
    {
        OnTheLoop.Run(async io =>
        {
            await io.Ms(6);
            Assert.That(io.Time.LocalTimeZone, Is.EqualTo(new FakeTimeProvider().LocalTimeZone));
            Assert.That(io.Time.ToString(), Is.EqualTo("1970-01-01T00:00:00.006"));
        });
    }

    // FakeTimeProviderTests.Delay_InvalidArgs, Delay_Zero, Delay_Timeout, Delay_Cancelled
    [Test]
    public void Delays_check_their_argument_complete_at_once_at_zero_and_on_time_otherwise()
    {
        OnTheLoop.Run(async io =>
        {
            // (the original's TimeSpan.FromTicks(-1) is 0 ms to Task.Delay, which truncates as timers do)
            Assert.Throws<ArgumentOutOfRangeException>(() => _ = Task.Delay(TimeSpan.FromMilliseconds(-2), io.Time));
            var zero = Task.Delay(TimeSpan.Zero, io.Time);
            Assert.That(zero.IsCompletedSuccessfully, Is.True);

            var delay = io.Ms(1);
            Assert.That(delay.IsCompleted, Is.False);
            await delay;
            Assert.That(io.Time.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(1)));

            using var cs = new CancellationTokenSource();
            var infinite = Task.Delay(Timeout.InfiniteTimeSpan, io.Time, cs.Token);
            Assert.That(infinite.IsCompleted, Is.False);
            await cs.CancelAsync();
            await Assert.ThrowsAsync<TaskCanceledException>(async () => await infinite);
        });
    }

    // FakeTimeProviderTests.CreateSource
    [Test]
    public void A_CancellationTokenSource_on_the_clock_cancels_at_its_due_time()
    {
        OnTheLoop.Run(async io =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(1), io.Time);
            await io.Ms(1);
            Assert.That(cts.IsCancellationRequested, Is.True);
            await Assert.ThrowsAsync<TaskCanceledException>(async () => await Task.Delay(TimeSpan.FromTicks(1), io.Time, cts.Token));
        });
    }

    // FakeTimeProviderTests.WaitAsync, WaitAsync_InfiniteTimeout, WaitAsync_Timeout, WaitAsync_Cancel
    [Test]
    public void WaitAsync_on_the_clock_times_out_on_time_and_checks_its_argument()
    {
        OnTheLoop.Run(async io =>
        {
            var source = new TaskCompletionSource<bool>();
            await Assert.ThrowsAsync<TimeoutException>(async () => await source.Task.WaitAsync(TimeSpan.FromTicks(-1), io.Time));
            await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await source.Task.WaitAsync(TimeSpan.FromMilliseconds(-2), io.Time));

            var longWait = source.Task.WaitAsync(TimeSpan.FromSeconds(100000), io.Time);
            var infinite = source.Task.WaitAsync(Timeout.InfiniteTimeSpan, io.Time);
            await io.Ms(1);
            source.SetResult(true);
            Assert.That(await longWait && await infinite, Is.True);

            var timingOut = new TaskCompletionSource<bool>().Task.WaitAsync(TimeSpan.FromMilliseconds(1), io.Time);
            var at = io.Time.Elapsed;
            // Awaited, not Assert.ThrowsAsync: that would block the loop the timeout needs.
            try { await timingOut; Assert.Fail("no timeout"); }
            catch (TimeoutException) { Assert.That(io.Time.Elapsed - at, Is.EqualTo(TimeSpan.FromMilliseconds(1))); }

            using var cts = new CancellationTokenSource();
            var cancelled = new TaskCompletionSource<bool>().Task.WaitAsync(Timeout.InfiniteTimeSpan, io.Time, cts.Token);
            await cts.CancelAsync();
            await Assert.ThrowsAsync<TaskCanceledException>(async () => await cancelled);
        });
    }
}
