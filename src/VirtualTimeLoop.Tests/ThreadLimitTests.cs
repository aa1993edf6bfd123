namespace VirtualTimeLoop.Tests;

/// <summary>
/// The loop's pool starts a thread per blocked job only up to <see cref="LoopOptions.MaxThreads"/>:
/// 10,000 blocked jobs with no bound used to start 10,000 threads (35–42 s); now the run stops at the
/// cap with a message that names the missing bound.
/// </summary>
public class ThreadLimitTests
{
    [Test]
    public void Ten_thousand_blocking_jobs_without_a_bound_stop_at_the_cap()
    {
        var run = VirtualLoop.Run("unbounded", io => Task.WhenAll(Enumerable.Range(0, 10_000).Select(_ => Task.Factory.StartNew(
            () => VirtualLoopTests.BlockingSleep(io.Time, TimeSpan.FromSeconds(1)),
            CancellationToken.None, TaskCreationOptions.None, io.Threads))), Budgets.Short with { MaxThreads = 16 });

        Assert.Multiple(() =>
        {
            Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.ThreadLimit), run.Explain);
            Assert.That(run.ThreadsCreated, Is.EqualTo(16));
            Assert.That(run.Explain(), Does.Contain("all 16 threads").And.Contain("9984 more job(s)")
                .And.Contain("maxConcurrencyLevel").And.Contain("LoopOptions.MaxThreads"));
        });
    }

    [Test]
    public void Parallel_ForEachAsync_without_a_degree_takes_the_pools_cap_not_the_processor_count()
    {
        int running = 0, most = 0;
        var run = VirtualLoop.Run(io => Parallel.ForEachAsync(Enumerable.Range(0, 5), new ParallelOptions { TaskScheduler = io.Threads },
            async (_, token) =>
            {
                most = Math.Max(most, ++running);
                await Task.Delay(TimeSpan.FromSeconds(1), io.Time, token);
                running--;
            }), Budgets.Short with { MaxThreads = 3 });

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(most, Is.EqualTo(3), $"the degree must be the pool's MaxThreads on every machine ({Environment.ProcessorCount} processors here)");
    }

    [Test]
    public void Bounded_jobs_never_reach_the_cap()
    {
        var run = VirtualLoop.Run(io =>
        {
            var pair = new ConcurrentExclusiveSchedulerPair(io.Threads, maxConcurrencyLevel: 4);
            return Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Factory.StartNew(
                () => VirtualLoopTests.BlockingSleep(io.Time, TimeSpan.FromSeconds(1)),
                CancellationToken.None, TaskCreationOptions.None, pair.ConcurrentScheduler)));
        }, Budgets.Short with { MaxThreads = 4 });

        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(25)));
    }

    [Test]
    public void The_default_cap_is_far_above_what_the_katas_use()
    {
        Assert.That(LoopOptions.Default.MaxThreads, Is.GreaterThanOrEqualTo(32 * 8));
    }
}
