namespace Samples.CodeUnderTest;

/// <summary>Asks a slow price service for a quote, and gives up (cancelling the request) after a timeout.</summary>
public sealed class PriceClient(Func<CancellationToken, Task<decimal>> fetch, TimeProvider time)
{
    public async Task<decimal?> QuoteOrNullAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var request = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fetching = fetch(request.Token);
        try
        {
            return await fetching.WaitAsync(timeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            request.Cancel(); // on this thread: the abandoned request ends before this method returns
            return null;
        }
    }
}
