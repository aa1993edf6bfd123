namespace Samples.MSTest;

/// <summary>Time-dependent code, tested on the virtual loop: exact virtual times, no real waiting.</summary>
[TestClass]
public sealed class TimeTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Retries_back_off_one_two_four_seconds()
    {
        var attempts = new List<TimeSpan>();
        var run = VirtualLoop.Run(async env => await Retry.WithBackoffAsync(async ct =>
        {
            attempts.Add(env.Time.Elapsed);
            await Task.Delay(TimeSpan.FromMilliseconds(100), env.Time, ct); // each call takes 100 ms
            if (attempts.Count < 4) throw new HttpRequestException("503");
            return "ok";
        }, env.Time, attempts: 5, firstWait: TimeSpan.FromSeconds(1)));

        Assert.AreEqual("ok", run.Value); // Value checks the run first, as EnsureCompleted does
        CollectionAssert.AreEqual(new[] { 0d, 1100, 3200, 7300 }, attempts.Select(t => t.TotalMilliseconds).ToArray());
        Assert.AreEqual(TimeSpan.FromMilliseconds(7400), run.Elapsed);
    }

    [TestMethod]
    public async Task A_slow_quote_times_out_after_two_seconds_and_the_request_is_cancelled()
    {
        var run = await VirtualLoop.RunAsync(async env =>
        {
            var client = new PriceClient(async ct =>
            {
                await Task.Delay(TimeSpan.FromMinutes(5), env.Time, ct); // the service hangs
                return 9.99m;
            }, env.Time);
            return await client.QuoteOrNullAsync(TimeSpan.FromSeconds(2));
        }, cancellationToken: TestContext.CancellationToken);

        Assert.IsNull(run.Value);
        Assert.AreEqual(TimeSpan.FromSeconds(2), run.Elapsed);
    }

    [TestMethod]
    public void A_periodic_job_beats_at_each_tick()
    {
        var run = VirtualLoop.Run(env => new Heartbeat(env.Time, env.Out).RunAsync(TimeSpan.FromMinutes(15), beats: 3)).EnsureCompleted();

        CollectionAssert.AreEqual(new[] { "beat 1 at 00:15:00", "beat 2 at 00:30:00", "beat 3 at 00:45:00" }, run.Lines.Select(l => l.Text).ToArray());
        CollectionAssert.AreEqual(new[] { 15d, 30, 45 }, run.Lines.Select(l => l.At.TotalMinutes).ToArray());
    }

    [TestMethod]
    public void A_deadline_from_CancellationTokenSource_with_the_clock_stops_the_polls()
    {
        var run = VirtualLoop.Run(env => Poller.PollUntilAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), env.Time));

        Assert.AreEqual(3, run.Value); // at 3, 6 and 9 s; the deadline at 10 s cancels the fourth
        Assert.AreEqual(TimeSpan.FromSeconds(10), run.Elapsed);
    }

    [TestMethod]
    public void A_run_that_can_never_complete_fails_the_test_with_its_explanation()
    {
        var failure = Assert.ThrowsExactly<LoopRunException>(() =>
            VirtualLoop.Run(async env => await new TaskCompletionSource().Task).EnsureCompleted());

        Assert.AreEqual(LoopOutcome.NeverCompletes, failure.Run.Outcome);
        Assert.Contains("can never complete", failure.Message);
    }

    [TestMethod]
    public void An_assertion_that_fails_inside_the_program_is_MSTests_own_failure()
    {
        var failure = Assert.ThrowsExactly<AssertFailedException>(() => VirtualLoop.Run(async env =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), env.Time);
            Assert.AreEqual(TimeSpan.FromSeconds(2), env.Time.Elapsed);
        }).EnsureCompleted());

        Assert.Contains("Expected values to be equal", failure.Message);
    }
}
