using System.Runtime.CompilerServices;

namespace AsyncKatas.K21_AsyncStreams;

/// <summary>A feed of pages, one a second (an async stream), read until enough or until a deadline.</summary>
public static class Feed
{
    public static async IAsyncEnumerable<string> PagesAsync(int count, TextWriter output, TimeProvider time, [EnumeratorCancellation] CancellationToken token = default)
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
            output.WriteLine("feed closed");
        }
    }

    public static async Task ReadFirstAsync(IAsyncEnumerable<string> feed, int wanted, TextWriter output)
    {
        if (wanted <= 0) return;
        var read = 0;
        await foreach (var page in feed)
        {
            output.WriteLine($"read {page}");
            if (++read == wanted) break;
        }
    }

    public static async Task ReadWithDeadlineAsync(IAsyncEnumerable<string> feed, TimeSpan deadline, TextWriter output, TimeProvider time)
    {
        using var stop = new CancellationTokenSource();
        var reading = ReadAllAsync(feed, output);
        var timeout = Task.Delay(deadline, time, stop.Token);
        if (await Task.WhenAny(reading, timeout) == timeout)
        {
            output.WriteLine("timed out");
        }
        else
        {
            stop.Cancel(); // the feed ended first: no timer left behind
            await reading;
        }
    }

    private static async Task ReadAllAsync(IAsyncEnumerable<string> feed, TextWriter output)
    {
        await foreach (var page in feed) output.WriteLine($"read {page}");
    }


    /// <summary>Given: the whole program. The first three pages of one feed, then a second feed read for 2.5 s.</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        await ReadFirstAsync(PagesAsync(10, output, time), 3, output);
        await ReadWithDeadlineAsync(PagesAsync(10, output, time), TimeSpan.FromSeconds(2.5), output, time);
    }
}
