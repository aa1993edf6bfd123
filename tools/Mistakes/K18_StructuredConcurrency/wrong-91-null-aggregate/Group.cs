namespace AsyncKatas.K18_StructuredConcurrency;

/// <summary>A group of jobs that start together, end together, and stop together when one fails (asyncio.TaskGroup).</summary>
public static class Group
{
    /// <summary>
    /// Prints "start {name}" and sleeps <paramref name="seconds"/> on <paramref name="time"/>. Cancelled during the
    /// sleep: prints "cancelled {name}" and ends cancelled. Else, when <paramref name="fail"/>, throws
    /// InvalidOperationException("{name} failed"); otherwise prints "done {name}" and returns the name.
    /// </summary>
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
        if (fail) throw new InvalidOperationException($"{name} failed");
        output.WriteLine($"done {name}");
        return name;
    }

    /// <summary>
    /// Starts every job at once with one token, linked to <paramref name="cancellationToken"/>. The first job that fails
    /// cancels that token, so the others stop. Returns when every job has ended: their results, in order, when all
    /// succeeded; else throws an AggregateException holding every failure, in job order (cancellations are not failures).
    /// Cancelled from outside (and no failure): ends cancelled.
    /// </summary>
    public static async Task<IReadOnlyList<string>> RunAllAsync(IReadOnlyList<Func<CancellationToken, Task<string>>> jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        using var group = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var all = Task.WhenAll(jobs.Select(job => CancelTheOthersOnFailureAsync(job, group)));
        try
        {
            return await all;
        }
        catch
        {
            // await rethrows only the first failure; the task keeps them all.
            throw all.Exception!;
        }
    }

    private static async Task<string> CancelTheOthersOnFailureAsync(Func<CancellationToken, Task<string>> job, CancellationTokenSource group)
    {
        try
        {
            return await job(group.Token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            group.Cancel(); // on the loop, at once, as TaskGroup cancels the other tasks
            throw;
        }
    }

    /// <summary>
    /// The program: users (1 s), orders (2 s, fails), stock (2 s, fails) and prices (3 s) in one group; prints
    /// "failed: {message}" for each failure, then "main ends".
    /// </summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        Func<CancellationToken, Task<string>>[] jobs =
        [
            token => FetchAsync("users", 1, fail: false, output, time, token),
            token => FetchAsync("orders", 2, fail: true, output, time, token),
            token => FetchAsync("stock", 2, fail: true, output, time, token),
            // Stryker disable once Boolean : prices is cancelled at 2 s, before a failure of its own could show
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
