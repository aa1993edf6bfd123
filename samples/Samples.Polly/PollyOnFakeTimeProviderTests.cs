using Microsoft.Extensions.Time.Testing;

namespace Samples.Polly;

/// <summary>
/// The same retry on a plain FakeTimeProvider, for comparison: the test must move time itself, one
/// Advance per timer Polly or the call arms, in the order they are armed. The seven steps below are the
/// answer (0.1 + 1 + 0.1 + 2 + 0.1 + 4 + 0.1 s) written out by hand before the test can check it.
/// </summary>
public class PollyOnFakeTimeProviderTests
{
    private static (Task<string> Result, List<TimeSpan> Attempts) Start(FakeTimeProvider time)
    {
        var start = time.GetUtcNow();
        var attempts = new List<TimeSpan>();
        var result = Pipelines.Retry(time).ExecuteAsync(async ct =>
        {
            attempts.Add(time.GetUtcNow() - start);
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, ct);
            if (attempts.Count < 4) throw new HttpRequestException("503");
            return "ok";
        }, TestContext.Current.CancellationToken).AsTask();
        return (result, attempts);
    }

    [Fact]
    public async Task Retry_needs_seven_hand_computed_Advance_steps()
    {
        var time = new FakeTimeProvider();
        var (result, attempts) = Start(time);
        foreach (var step in new[] { 0.1, 1, 0.1, 2, 0.1, 4, 0.1 }) time.Advance(TimeSpan.FromSeconds(step));

        Assert.Equal("ok", await result);
        Assert.Equal(new[] { 0, 1.1, 3.2, 7.3 }, attempts.Select(t => Math.Round(t.TotalSeconds, 3)));
    }

    [Fact]
    public void One_big_Advance_stalls_after_the_first_attempt()
    {
        var time = new FakeTimeProvider();
        var (result, attempts) = Start(time);
        time.Advance(TimeSpan.FromSeconds(10)); // the first call's 100 ms fires; the 1 s backoff is armed at 10 s, due at 11 s

        Assert.Single(attempts);
        Assert.False(result.IsCompleted);
    }
}
