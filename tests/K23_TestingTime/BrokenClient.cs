using AsyncKatas.K23_TestingTime;

namespace AsyncKatas.Tests.K23_TestingTime;

/// <summary>
/// The given client's algorithm with one thing wrong, chosen by the knobs: the broken clients the learner's checks
/// must catch. With the default knobs it behaves as RetryingClient does (a correct client written differently).
/// </summary>
internal sealed class BrokenClient(Func<CancellationToken, Task<string>> call, TimeProvider time, BrokenClient.Knobs knobs) : IRetryingClient
{
    internal sealed record Knobs
    {
        public double[] Pauses { get; init; } = [1, 2];
        public TimeSpan? Limit { get; init; } = TimeSpan.FromSeconds(2);
        public bool LimitOnTheRealClock { get; init; }
        public bool DisposeTheLimit { get; init; } = true;
        public bool GivesUp { get; init; } = true;
    }

    public static ClientFactory With(Knobs knobs) => (call, time) => new BrokenClient(call, time, knobs);

    public async Task<string> GetAsync()
    {
        for (var attempt = 0; ; attempt++)
        {
            var limit = knobs.Limit is not { } seconds ? new CancellationTokenSource()
                : knobs.LimitOnTheRealClock ? new CancellationTokenSource(seconds)
                : new CancellationTokenSource(seconds, time);
            Exception failure;
            try
            {
                return await call(limit.Token);
            }
            catch (IOException error)
            {
                failure = error;
            }
            catch (OperationCanceledException error) when (limit.IsCancellationRequested)
            {
                failure = new TimeoutException("no answer in time", error);
            }
            finally
            {
                if (knobs.DisposeTheLimit) limit.Dispose();
            }
            if (attempt == knobs.Pauses.Length) return knobs.GivesUp ? throw failure : "";
            await Task.Delay(TimeSpan.FromSeconds(knobs.Pauses[attempt]), time);
        }
    }
}
