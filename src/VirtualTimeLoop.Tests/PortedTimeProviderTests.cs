namespace VirtualTimeLoop.Tests;

/// <summary>
/// Cases ported from dotnet/runtime src/libraries/Common/tests/System/TimeProviderTests.cs (the BCL's
/// own tests of TimeProvider with Task.Delay, WaitAsync, CancellationTokenSource and PeriodicTimer),
/// run on the loop with its clock as the provider: what took real time there takes virtual time here.
/// </summary>
public class PortedTimeProviderTests
{
    // TimeProviderTests.TestProviderTimer
    [Test]
    public void A_timer_changed_and_disposed_from_its_own_callback()
    {
        OnTheLoop.Run(async io =>
        {
            var counter = 0;
            var fired = new List<double>();
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            ITimer? timer = null;
            timer = io.Time.CreateTimer(_ =>
            {
                counter++;
                fired.Add(io.Time.Elapsed.TotalMilliseconds);
                if (counter == 2) timer!.Change(TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(400));
                if (counter == 4) { timer!.Dispose(); done.SetResult(); }
            }, null, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300));
            await done.Task;
            Assert.That(fired, Is.EqualTo(new[] { 300.0, 600, 1000, 1400 }));
        });
    }

    // TimeProviderTests.CancellationTokenSourceWithTimer
    [Test]
    public void A_CancellationTokenSource_on_the_clock_cancels_after_its_delay_and_never_on_an_infinite_one()
    {
        OnTheLoop.Run(async io =>
        {
            using var infinite = new CancellationTokenSource(Timeout.InfiniteTimeSpan, io.Time);
            Assert.That(infinite.IsCancellationRequested, Is.False);

            using var cts = new CancellationTokenSource(Timeout.InfiniteTimeSpan, io.Time);
            cts.CancelAfter(1000000);
            await io.Ms(1);
            Assert.That(cts.IsCancellationRequested, Is.False, "super-long timeout (int)");
            cts.CancelAfter(1);
            var cancelled = new TaskCompletionSource();
            await using var registration = cts.Token.Register(cancelled.SetResult);
            await cancelled.Task;
            Assert.That(io.Time.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(2)));

            using var timeSpanBased = new CancellationTokenSource(new TimeSpan(1, 0, 0), io.Time);
            timeSpanBased.CancelAfter(new TimeSpan(1, 0, 0));
            Assert.That(timeSpanBased.IsCancellationRequested, Is.False, "super-long timeout (TimeSpan)");
            var at = io.Time.Elapsed;
            timeSpanBased.CancelAfter(new TimeSpan(1000)); // 0.1 ms: truncated to 0, due at once
            var soon = new TaskCompletionSource();
            await using var soonRegistration = timeSpanBased.Token.Register(soon.SetResult);
            await soon.Task;
            Assert.That(io.Time.Elapsed, Is.EqualTo(at));
        });
    }

    // TimeProviderTests.RunDelayTests
    [Test]
    public void A_zero_delay_completes_at_once_and_a_long_one_does_not()
    {
        OnTheLoop.Run(async io =>
        {
            using var cts = new CancellationTokenSource();
            Assert.That(Task.Delay(new TimeSpan(0), io.Time).Status, Is.EqualTo(TaskStatus.RanToCompletion));
            Assert.That(Task.Delay(new TimeSpan(0), io.Time, cts.Token).Status, Is.EqualTo(TaskStatus.RanToCompletion));
            var long20 = Task.Delay(TimeSpan.FromMilliseconds(20000), io.Time);
            await io.Ms(10);
            Assert.That(long20.IsCompleted, Is.False);
            await long20;
            Assert.That(io.Time.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(20)));
        });
    }

    // TimeProviderTests.RunWaitAsyncTests (the parts without Task.Run and Thread.Sleep)
    [Test]
    public void WaitAsync_on_the_clock_passes_results_through_and_times_out_or_cancels()
    {
        OnTheLoop.Run(async io =>
        {
            using var cts = new CancellationTokenSource();
            var tcs1 = new TaskCompletionSource<bool>();
            var task1 = tcs1.Task.WaitAsync(TimeSpan.FromDays(1), io.Time);
            Assert.That(task1.IsCompleted, Is.False);
            tcs1.SetResult(true);
            await task1;

            var tcs3 = new TaskCompletionSource<int>();
            var task3 = tcs3.Task.WaitAsync(TimeSpan.FromDays(1), io.Time, cts.Token);
            tcs3.SetResult(42);
            Assert.That(await task3, Is.EqualTo(42));

            var tcs5 = new TaskCompletionSource<bool>();
            await Assert.ThrowsAsync<TimeoutException>(() => tcs5.Task.WaitAsync(TimeSpan.Zero, io.Time, cts.Token));
            await cts.CancelAsync();
            await Assert.ThrowsAsync<TaskCanceledException>(() => tcs5.Task.WaitAsync(TimeSpan.FromMilliseconds(10), io.Time, cts.Token));

            var slow = io.Ms(100);
            try { await slow.WaitAsync(TimeSpan.FromMilliseconds(10), io.Time); Assert.Fail("no timeout"); }
            catch (TimeoutException) { Assert.That(io.Time.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(10))); }
            await slow;
        });
    }

    // TimeProviderTests.PeriodicTimerTests
    [Test]
    public void A_periodic_timer_ticks_then_reports_false_once_disposed()
    {
        OnTheLoop.Run(async io =>
        {
            var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(1), io.Time);
            Assert.That(await timer.WaitForNextTickAsync(), Is.True);
            Assert.That(io.Time.Elapsed, Is.EqualTo(TimeSpan.FromMilliseconds(1)));
            timer.Dispose();
            Assert.That(await timer.WaitForNextTickAsync(), Is.False);
            timer.Dispose();
            Assert.That(await timer.WaitForNextTickAsync(), Is.False);
        });
    }

    // TimeProviderTests.NegativeTests
    [Test]
    public void Bad_arguments_throw_as_they_do_on_the_system_provider()
    {
        OnTheLoop.Run(io =>
        {
            Assert.Throws<ArgumentNullException>(() => io.Time.CreateTimer(null!, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
            Assert.Throws<ArgumentOutOfRangeException>(() => io.Time.CreateTimer(_ => { }, null, TimeSpan.FromMilliseconds(-2), Timeout.InfiniteTimeSpan));
            Assert.Throws<ArgumentOutOfRangeException>(() => io.Time.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, TimeSpan.FromMilliseconds(-2)));
            Assert.Throws<ArgumentOutOfRangeException>(() => TimeProvider.System.CreateTimer(_ => { }, null, TimeSpan.FromMilliseconds(-2), Timeout.InfiniteTimeSpan));
            return Task.CompletedTask;
        });
    }

    // TimeProviderTests.TestCTSWithDelayFiringAfterCancellation
    [Test]
    public void A_disposed_CancellationTokenSource_takes_its_timer_off_the_clock()
    {
        var run = OnTheLoop.Run(io =>
        {
            var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60), io.Time);
            Assert.That(io.Time.ArmedTimerCount, Is.EqualTo(1));
            cts.Dispose();
            Assert.That(io.Time.ArmedTimerCount, Is.Zero);
            return Task.CompletedTask;
        });
        Assert.That((run.Elapsed, run.TimersLeft), Is.EqualTo((TimeSpan.Zero, 0)));
    }
}
