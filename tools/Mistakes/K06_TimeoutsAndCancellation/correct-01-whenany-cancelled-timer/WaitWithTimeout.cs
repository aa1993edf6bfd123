using System.Globalization;

namespace AsyncKatas.K06_TimeoutsAndCancellation;

/// <summary>Three tasks of 1, 2 and 3 seconds, waited for at most a given time; what is still pending then gets cancelled.</summary>
public static class WaitWithTimeout
{
    /// <summary>Prints "waiting: {x}", sleeps <paramref name="x"/> seconds and returns "Done after {x}s"; cancellable.</summary>
    public static async Task<string> DoWorkAsync(int x, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"waiting: {x}");
        await Task.Delay(TimeSpan.FromSeconds(x), time, cancellationToken);
        return $"Done after {x}s";
    }

    /// <summary>Starts the three named tasks, waits at most <paramref name="timeout"/>, reports, cancels the pending ones.</summary>
    public static async Task<IReadOnlyList<NamedTask>> MainAsync(TextWriter output, TimeProvider time, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var cancel = new CancellationTokenSource();
        var tasks = new List<NamedTask>();
        foreach (var x in new[] { 1, 2, 3 })
        {
            tasks.Add(new NamedTask($"MY_COROUTINE_{x}", DoWorkAsync(x, output, time, cancel.Token)));
        }
        using var timer = new CancellationTokenSource();
        var all = Task.WhenAll(tasks.Select(t => t.Task));
        var limit = Task.Delay(timeout, time, timer.Token);
        if (await Task.WhenAny(all, limit) == all)
        {
            timer.Cancel(); // the limit is no longer needed: take its timer off the clock
        }
        foreach (var named in tasks)
        {
            if (named.Task.IsCompletedSuccessfully)
            {
                output.WriteLine($"task result: {await named.Task}");
            }
            else
            {
                output.WriteLine($"pending: {named.Name}");
            }
        }
        cancel.Cancel();
        return tasks;
    }

    /// <summary>The article's whole program: MainAsync, then "Time: {elapsed seconds}" measured on <paramref name="time"/>.</summary>
    public static async Task<IReadOnlyList<NamedTask>> RunAsync(TextWriter output, TimeProvider time, TimeSpan timeout)
    {
        var start = time.GetTimestamp();
        var tasks = await MainAsync(output, time, timeout);
        output.WriteLine($"Time: {PythonSeconds(time.GetElapsedTime(start))}");
        return tasks;
    }

    /// <summary>Seconds as Python prints a float: 3.0, 2.5, 0.25 (never "3"). Given: use it as it is.</summary>
    internal static string PythonSeconds(TimeSpan elapsed)
    {
        var text = elapsed.TotalSeconds.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
