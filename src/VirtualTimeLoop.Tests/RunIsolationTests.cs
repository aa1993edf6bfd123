namespace VirtualTimeLoop.Tests;

/// <summary>
/// One run's leftovers never decide another run's outcome: when a run ends, threads blocked on its
/// clock are released and their next sleep throws, so they unwind instead of holding the shared pool.
/// </summary>
public class RunIsolationTests
{
    [Test]
    public void A_run_that_stranded_a_thousand_jobs_on_the_shared_pool_releases_them_and_a_correct_run_after_it_passes()
    {
        var stranded = new List<Task>();
        var failed = VirtualLoop.Run("stranding", async io =>
        {
            for (var i = 0; i < 1000; i++)
            {
#pragma warning disable VSTHRD002 // the mistake under test: blocking on the virtual clock from the shared pool
                stranded.Add(Task.Run(() => Task.Delay(TimeSpan.FromSeconds(1), io.Time).Wait()));
#pragma warning restore VSTHRD002
            }
            await Task.Delay(TimeSpan.FromSeconds(2), io.Time);
        }, Budgets.Short);
        Assert.That(failed.Outcome, Is.EqualTo(LoopOutcome.UnknownThread), failed.Explain);
        // Released, every one of them: none is left holding a pool thread (the minute is a hang guard, not a speed claim).
        Assert.That(Task.WhenAll(stranded).ContinueWith(_ => { }, TaskScheduler.Default).Wait(TimeSpan.FromMinutes(1)), Is.True, "the stranded jobs all ended");

        var correct = VirtualLoop.Run("correct", async io =>
        {
            for (var i = 0; i < 3; i++) await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
            io.Out.WriteLine("done");
        }, Budgets.Short with { SharedPoolBudget = TimeSpan.FromSeconds(2) });
        Assert.Multiple(() =>
        {
            Assert.That(correct.Outcome, Is.EqualTo(LoopOutcome.Completed), correct.Explain);
            Assert.That(correct.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(3)));
        });
    }

    [Test]
    public void A_worker_still_sleeping_when_the_run_fails_is_released_and_its_next_sleep_throws()
    {
        Exception? afterEnd = null;
        using var unwound = new ManualResetEventSlim();
        var run = VirtualLoop.Run(async io =>
        {
            _ = Task.Factory.StartNew(() =>
            {
                // Sleeps until the horizon ends the run; the sleep then pending is released, and the
                // next one throws: the clock has closed.
                try { while (true) VirtualLoopTests.BlockingSleep(io.Time, TimeSpan.FromHours(1)); }
                catch (Exception e) { afterEnd = e; }
                finally { unwound.Set(); }
            }, CancellationToken.None, TaskCreationOptions.None, io.Threads);
            await new TaskCompletionSource().Task; // never completes
        }, Budgets.Short);

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.HorizonReached), run.Explain);
        Assert.That(unwound.Wait(TimeSpan.FromSeconds(5)), Is.True, "the worker was never released");
        Assert.That(afterEnd, Is.InstanceOf<InvalidOperationException>().With.Message.Contains("has ended"));
    }
}
