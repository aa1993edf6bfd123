using System.Runtime.CompilerServices;

namespace AsyncKatas.K21_AsyncStreams;

/// <summary>A feed of pages, one a second (an async stream), read until enough or until a deadline.</summary>
public static class Feed
{
    public static async IAsyncEnumerable<string> PagesAsync(int count, TextWriter output, TimeProvider time, [EnumeratorCancellation] CancellationToken token = default)
    {
        var number = 0;
        try
        {
            while (number < count)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, token);
                number++;
                yield return $"page {number}";
            }
        }
        finally
        {
            output.WriteLine("feed closed");
        }
    }

    public static async Task ReadFirstAsync(IAsyncEnumerable<string> feed, int wanted, TextWriter output)
    {
        // What await foreach does, by hand: DisposeAsync (await using) closes the feed when we stop.
        await using var pages = feed.GetAsyncEnumerator();
        for (var read = 0; read < wanted && await pages.MoveNextAsync(); read++)
        {
            output.WriteLine($"read {pages.Current}");
        }
    }

    public static async Task ReadWithDeadlineAsync(IAsyncEnumerable<string> feed, TimeSpan deadline, TextWriter output, TimeProvider time)
    {
        using (var source = new CancellationTokenSource(deadline, time))
        {
            var pages = feed.GetAsyncEnumerator(source.Token);
            try
            {
                while (await pages.MoveNextAsync()) output.WriteLine($"read {pages.Current}");
            }
            catch (OperationCanceledException) when (source.IsCancellationRequested)
            {
                output.WriteLine("timed out");
            }
            finally
            {
                await pages.DisposeAsync();
            }
        }
    }


    /// <summary>Given: the whole program. The first three pages of one feed, then a second feed read for 2.5 s.</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        await ReadFirstAsync(PagesAsync(10, output, time), 3, output);
        await ReadWithDeadlineAsync(PagesAsync(10, output, time), TimeSpan.FromSeconds(2.5), output, time);
    }
}
