using Polly.CircuitBreaker;
using Polly.Hedging;
using Polly.Retry;

namespace Samples.Polly;

/// <summary>The pipelines under test: each takes the TimeProvider it runs on (the loop's clock in the tests).</summary>
public static class Pipelines
{
    /// <summary>Three retries of an HttpRequestException, waiting 1, 2 and 4 s (exponential, no jitter).</summary>
    public static ResiliencePipeline Retry(TimeProvider time) => new ResiliencePipelineBuilder { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromSeconds(1),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = false,
        })
        .Build();

    /// <summary>Gives up after two seconds (cancelling the call's token).</summary>
    public static ResiliencePipeline Timeout(TimeProvider time) => new ResiliencePipelineBuilder { TimeProvider = time }
        .AddTimeout(TimeSpan.FromSeconds(2))
        .Build();

    /// <summary>Opens after two failures of two calls within ten seconds; stays open thirty seconds, then lets one call try.</summary>
    public static ResiliencePipeline CircuitBreaker(TimeProvider time) => new ResiliencePipelineBuilder { TimeProvider = time }
        .AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<HttpRequestException>(),
            FailureRatio = 0.5,
            MinimumThroughput = 2,
            SamplingDuration = TimeSpan.FromSeconds(10),
            BreakDuration = TimeSpan.FromSeconds(30),
        })
        .Build();

    /// <summary>Starts a second attempt when the first has not answered within one second; the first answer wins.</summary>
    public static ResiliencePipeline<string> Hedging(TimeProvider time) => new ResiliencePipelineBuilder<string> { TimeProvider = time }
        .AddHedging(new HedgingStrategyOptions<string> { MaxHedgedAttempts = 1, Delay = TimeSpan.FromSeconds(1) })
        .Build();
}
