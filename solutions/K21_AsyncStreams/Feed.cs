using System.Runtime.CompilerServices;

namespace AsyncKatas.K21_AsyncStreams;

/// <summary>A feed of pages, one a second (an async stream), read until enough or until a deadline.</summary>
public static class Feed
{
    /// <summary>
    /// Yields "page 1" to "page {count}", one a virtual second, and prints "feed closed" when it ends, whether
    /// it was read to the end, left early or cancelled. Nothing runs before the first page is asked for.
    /// </summary>
    public static async IAsyncEnumerable<string> PagesAsync(
        int count, TextWriter output, TimeProvider time, [EnumeratorCancellation] CancellationToken token = default)
    {
        try
        {
            for (var number = 1; number <= count; number++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, token);
                yield return $"page {number}";
            }
        }
        finally
        {
            // Runs at the end, and also when the reader stops early (await foreach disposes the enumerator).
            output.WriteLine("feed closed");
        }
    }

    /// <summary>Prints "read {page}" for the first <paramref name="wanted"/> pages of <paramref name="feed"/>, then stops reading it.</summary>
    public static async Task ReadFirstAsync(IAsyncEnumerable<string> feed, int wanted, TextWriter output)
    {
        var read = 0;
        await foreach (var page in feed)
        {
            output.WriteLine($"read {page}");
            if (++read == wanted) break; // leaving the loop disposes the enumerator: the feed closes now
        }
    }

    /// <summary>
    /// Prints "read {page}" for each page of <paramref name="feed"/> until <paramref name="deadline"/> has passed on
    /// <paramref name="time"/>; then cancels the feed and prints "timed out". Leaves no timer behind.
    /// </summary>
    public static async Task ReadWithDeadlineAsync(IAsyncEnumerable<string> feed, TimeSpan deadline, TextWriter output, TimeProvider time)
    {
        using var deadlineSource = new CancellationTokenSource(deadline, time);
        try
        {
            // WithCancellation hands the token to the iterator's [EnumeratorCancellation] parameter.
            await foreach (var page in feed.WithCancellation(deadlineSource.Token))
            {
                output.WriteLine($"read {page}");
            }
        }
        catch (OperationCanceledException) when (deadlineSource.IsCancellationRequested)
        {
            output.WriteLine("timed out");
        }
    }

    /// <summary>Given: the whole program. The first three pages of one feed, then a second feed read for 2.5 s.</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        await ReadFirstAsync(PagesAsync(10, output, time), 3, output);
        await ReadWithDeadlineAsync(PagesAsync(10, output, time), TimeSpan.FromSeconds(2.5), output, time);
    }
}
