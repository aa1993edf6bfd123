using System.Threading.RateLimiting;

namespace VirtualTimeLoop.Tests.Timeline;

/// <summary>A real timer armed during a run is reported with where it was created, also when a dependency armed it.</summary>
public class RealTimerSiteTests
{
    [Test]
    public void A_rate_limiter_that_replenishes_on_its_own_timer_is_named_with_the_line_that_created_it()
    {
        var run = VirtualLoop.Run("rate limiter", async env =>
        {
            using var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions // allowed: the mistake under test
            {
                TokenLimit = 1, TokensPerPeriod = 1, ReplenishmentPeriod = TimeSpan.FromSeconds(1), AutoReplenishment = true, QueueLimit = 1,
            });
            using var lease = await limiter.AcquireAsync();
            await Task.Delay(TimeSpan.FromSeconds(1), env.Time);
        }, Budgets.Short);
        TestContext.Out.WriteLine(run.Explain());
        Assert.Multiple(() =>
        {
            Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.RealClockWait));
            Assert.That(run.Detail, Does.Match(@"created at \S*RealTimerSiteTests\.cs:1[0-9] in VirtualTimeLoop\.Tests\.Timeline\.RealTimerSiteTests\.")
                .And.Contain("(through System.Threading.RateLimiting.TokenBucketRateLimiter..ctor)"));
            Assert.That(run.Evidence, Is.TypeOf<RealClockTimerArmed>().With.Property(nameof(RealClockTimerArmed.ThroughDependency)).True);
            Assert.That(run.Explanation.Fix, Is.EqualTo(LoopFix.GiveTheDependencyTheClock));
            Assert.That(run.Explain(), Does.Contain("AutoReplenishment = false").And.Contain("env.Time"));
        });
    }

    [Test]
    public void A_real_delay_in_the_program_is_named_with_its_line_and_no_dependency()
    {
        var run = VirtualLoop.Run("real delay", async env =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30)); // allowed: the mistake under test
        }, Budgets.Short);
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.RealClockWait));
        // The file as a developer reads it: relative to the git work tree that holds it.
        Assert.That(run.Detail, Does.Match(@"created at src/VirtualTimeLoop\.Tests/Timeline/RealTimerSiteTests\.cs:3[0-9] in ").And.Contain("(through System.Threading.Tasks.Task.Delay)")
            );
        Assert.That(run.Explanation.Fix, Is.EqualTo(LoopFix.PassTheTimeProvider));
    }
}
