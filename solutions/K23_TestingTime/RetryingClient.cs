namespace AsyncKatas.K23_TestingTime;

/// <summary>
/// Given: the component under test. Up to three attempts; each attempt gets two seconds, then its call's token is
/// cancelled and the attempt counts as failed (TimeoutException); after a failed attempt it waits one second, then two,
/// before the next. An IOException is a failure too. After the third failure GetAsync throws that failure.
/// </summary>
public sealed class RetryingClient(Func<CancellationToken, Task<string>> call, TimeProvider time) : IRetryingClient
{
    /// <summary>The factory the kata's tests hand your checks for this client.</summary>
    public static ClientFactory Factory { get; } = (call, time) => new RetryingClient(call, time);

    /// <inheritdoc />
    public async Task<string> GetAsync()
    {
        var pause = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            Exception failure;
            using (var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2), time))
            {
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
                    failure = new TimeoutException($"attempt {attempt} had no answer within 2 s", error);
                }
            }
            if (attempt == 3) throw failure;
            await Task.Delay(pause, time);
            pause *= 2;
        }
    }
}
