namespace Samples.Xunit;

/// <summary>Time-dependent code, tested on the virtual loop: exact virtual times, no real waiting.</summary>
public class TimeTests
{
    [Fact]
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

        Assert.Equal("ok", run.Value); // Value checks the run first, as EnsureCompleted does
        Assert.Equal(new double[] { 0, 1100, 3200, 7300 }, attempts.Select(t => t.TotalMilliseconds));
        Assert.Equal(TimeSpan.FromMilliseconds(7400), run.Elapsed);
    }

    [Fact]
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
        }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Null(run.Value);
        Assert.Equal(TimeSpan.FromSeconds(2), run.Elapsed); // and nothing left running: the run completed
    }

    [Fact]
    public void A_periodic_job_beats_at_each_tick()
    {
        var run = VirtualLoop.Run(env => new Heartbeat(env.Time, env.Out).RunAsync(TimeSpan.FromMinutes(15), beats: 3)).EnsureCompleted();

        Assert.Equal(new[] { "beat 1 at 00:15:00", "beat 2 at 00:30:00", "beat 3 at 00:45:00" }, run.Lines.Select(l => l.Text));
        Assert.Equal(new double[] { 15, 30, 45 }, run.Lines.Select(l => l.At.TotalMinutes));
    }

    [Fact]
    public void A_deadline_from_CancellationTokenSource_with_the_clock_stops_the_polls()
    {
        var run = VirtualLoop.Run(env => Poller.PollUntilAsync(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(3), env.Time));

        Assert.Equal(3, run.Value); // at 3, 6 and 9 s; the deadline at 10 s cancels the fourth
        Assert.Equal(TimeSpan.FromSeconds(10), run.Elapsed);
    }

    [Fact]
    public void A_run_that_can_never_complete_fails_the_test_with_its_explanation()
    {
        var failure = Assert.Throws<LoopRunException>(() =>
            VirtualLoop.Run(async env => await new TaskCompletionSource().Task).EnsureCompleted());

        Assert.Equal(LoopOutcome.NeverCompletes, failure.Run.Outcome);
        Assert.Contains("can never complete", failure.Message);
        Assert.Equal(LoopFix.StartAndCompleteWhatIsAwaited, failure.Run.Explanation.Fix);
    }

    [Fact]
    public void An_assertion_that_fails_inside_the_program_is_xUnits_own_failure()
    {
        var failure = Assert.ThrowsAny<Exception>(() => VirtualLoop.Run(async env =>
        {
            await Task.Delay(TimeSpan.FromSeconds(1), env.Time);
            Assert.Equal(TimeSpan.FromSeconds(2), env.Time.Elapsed);
        }).EnsureCompleted());

        Assert.IsAssignableFrom<global::Xunit.Sdk.IAssertionException>(failure);
        Assert.Contains("Assert.Equal() Failure", failure.Message);
    }
}
