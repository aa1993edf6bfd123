namespace Samples.CodeUnderTest;

/// <summary>Retries a call that fails with <see cref="HttpRequestException"/>, doubling the wait each time.</summary>
public static class Retry
{
    public static async Task<T> WithBackoffAsync<T>(Func<CancellationToken, Task<T>> call, TimeProvider time, int attempts, TimeSpan firstWait,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var wait = firstWait;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(cancellationToken);
            }
            catch (HttpRequestException) when (attempt < attempts)
            {
                await Task.Delay(wait, time, cancellationToken);
                wait *= 2;
            }
        }
    }
}
