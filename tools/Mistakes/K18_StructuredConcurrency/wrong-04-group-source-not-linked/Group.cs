namespace AsyncKatas.K18_StructuredConcurrency;

/// <summary>A group of jobs that start together, end together, and stop together when one fails (asyncio.TaskGroup).</summary>
public static class Group
{
    /// <summary>Prints start, sleeps with the token; cancelled: prints cancelled and ends cancelled; else fails or prints done.</summary>
    public static async Task<string> FetchAsync(string name, int seconds, bool fail, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        output.WriteLine($"start {name}");
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(seconds), time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            output.WriteLine($"cancelled {name}");
            throw;
        }
        if (fail)
        {
            throw new InvalidOperationException($"{name} failed");
        }
        output.WriteLine($"done {name}");
        return name;
    }

    /// <summary>Starts every job with one linked token; the first failure cancels it; every failure is thrown together.</summary>
    public static async Task<IReadOnlyList<string>> RunAllAsync(IReadOnlyList<Func<CancellationToken, Task<string>>> jobs, CancellationToken cancellationToken)
    {
        using var group = new CancellationTokenSource();
        var all = Task.WhenAll(jobs.Select(async job =>
        {
            try
            {
                return await job(group.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                group.Cancel();
                throw;
            }
        }));
        try
        {
            return await all;
        }
        catch when (all.IsFaulted)
        {
            throw all.Exception!;
        }
    }

    /// <summary>The program: four fetches in one group; prints every failure, then "main ends".</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        Func<CancellationToken, Task<string>>[] jobs =
        [
            token => FetchAsync("users", 1, fail: false, output, time, token),
            token => FetchAsync("orders", 2, fail: true, output, time, token),
            token => FetchAsync("stock", 2, fail: true, output, time, token),
            token => FetchAsync("prices", 3, fail: false, output, time, token),
        ];
        try
        {
            await RunAllAsync(jobs, CancellationToken.None);
        }
        catch (AggregateException failures)
        {
            foreach (var failure in failures.InnerExceptions)
            {
                output.WriteLine($"failed: {failure.Message}");
            }
        }
        output.WriteLine("main ends");
    }
}
