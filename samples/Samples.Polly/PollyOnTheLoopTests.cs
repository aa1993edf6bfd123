using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Samples.Polly;

/// <summary>
/// Polly's pipelines on the loop's clock (env.Time): the test writes the program and reads the exact
/// virtual times; the loop moves time from timer to timer, whatever Polly arms.
/// </summary>
public class PollyOnTheLoopTests
{
    [Fact]
    public void Retry_backs_off_one_two_four_seconds()
    {
        var attempts = new List<TimeSpan>();
        var run = VirtualLoop.Run(async env => await Pipelines.Retry(env.Time).ExecuteAsync(async ct =>
        {
            attempts.Add(env.Time.Elapsed);
            await Task.Delay(TimeSpan.FromMilliseconds(100), env.Time, ct); // each call takes 100 ms
            if (attempts.Count < 4) throw new HttpRequestException("503");
            return "ok";
        }, TestContext.Current.CancellationToken));

        Assert.Equal("ok", run.Value);
        Assert.Equal(new[] { 0, 1.1, 3.2, 7.3 }, attempts.Select(t => t.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(7.4), run.Elapsed);
    }

    [Fact]
    public void Timeout_gives_up_after_exactly_two_seconds()
    {
        var run = VirtualLoop.Run(async env =>
        {
            try
            {
                await Pipelines.Timeout(env.Time).ExecuteAsync(async ct => await Task.Delay(TimeSpan.FromMinutes(5), env.Time, ct), TestContext.Current.CancellationToken);
                return "answered";
            }
            catch (TimeoutRejectedException)
            {
                return $"timed out at {env.Time.Elapsed.TotalSeconds} s";
            }
        });

        Assert.Equal("timed out at 2 s", run.Value); // and the 5-minute call was cancelled: nothing left pending
    }

    [Fact]
    public void Circuit_breaker_half_opens_exactly_at_its_break_duration()
    {
        var run = VirtualLoop.Run(async env =>
        {
            var breaker = Pipelines.CircuitBreaker(env.Time);
            var log = new List<string>();
            async Task Call(bool fails)
            {
                try
                {
                    await breaker.ExecuteAsync(async ct =>
                    {
                        await Task.Delay(TimeSpan.FromMilliseconds(100), env.Time, ct);
                        if (fails) throw new HttpRequestException("503");
                    });
                    log.Add($"{env.Time.Elapsed.TotalSeconds} s ok");
                }
                catch (HttpRequestException) { log.Add($"{env.Time.Elapsed.TotalSeconds} s failed"); }
                catch (BrokenCircuitException) { log.Add($"{env.Time.Elapsed.TotalSeconds} s rejected"); }
            }
            await Call(fails: true);
            await Call(fails: true);                                      // opens at 0.2 s
            await Task.Delay(TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(1), env.Time);
            await Call(fails: false);                                     // 30.199 s: still open
            await Task.Delay(TimeSpan.FromMilliseconds(1), env.Time);
            await Call(fails: false);                                     // 30.2 s: half-open, the trial call goes through
            return log;
        });

        Assert.Equal(new[] { "0.1 s failed", "0.2 s failed", "30.199 s rejected", "30.3 s ok" }, run.Value);
    }

    [Fact]
    public void Hedging_answers_from_the_second_attempt_started_after_one_second()
    {
        var run = VirtualLoop.Run(async env =>
        {
            var attempt = 0;
            var answer = await Pipelines.Hedging(env.Time).ExecuteAsync(async ct =>
            {
                var mine = ++attempt;
                var started = env.Time.Elapsed.TotalSeconds;
                await Task.Delay(mine == 1 ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(0.5), env.Time, ct);
                return $"attempt {mine}, started at {started} s";
            }, TestContext.Current.CancellationToken);
            return $"{answer}, answered at {env.Time.Elapsed.TotalSeconds} s";
        });

        Assert.Equal("attempt 2, started at 1 s, answered at 1.5 s", run.Value); // the slow first attempt was cancelled
    }
}
