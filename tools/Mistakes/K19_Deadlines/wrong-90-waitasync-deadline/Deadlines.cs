namespace AsyncKatas.K19_Deadlines;

/// <summary>One time budget around several awaits, inside a deadline for the whole run (asyncio.timeout, timeout_at).</summary>
public static class Deadlines
{
    /// <summary>Prints "begin {name}", sleeps <paramref name="seconds"/> on <paramref name="time"/> (stopped by the token), prints "end {name}".</summary>
    public static async Task StepAsync(string name, double seconds, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        output.WriteLine($"begin {name}");
        await Task.Delay(TimeSpan.FromSeconds(seconds), time, cancellationToken);
        output.WriteLine($"end {name}");
    }

    /// <summary>
    /// Runs the steps "{request} auth" (1 s), "{request} query" (2 s) and "{request} render" (1 s) within one
    /// <paramref name="budget"/> for all three, measured on <paramref name="time"/>, and within the caller's token.
    /// Prints "{request} served", or "{request} timed out" when its own budget ran out; the caller's cancellation
    /// is not a timeout of this request: it ends this method cancelled.
    /// </summary>
    public static async Task HandleAsync(string request, TimeSpan budget, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            await StepsAsync(request, output, time, cancellationToken).WaitAsync(budget, time, cancellationToken);
            output.WriteLine($"{request} served");
        }
        catch (TimeoutException)
        {
            output.WriteLine($"{request} timed out");
        }
    }

    private static async Task StepsAsync(string request, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        await StepAsync($"{request} auth", 1, output, time, cancellationToken);
        await StepAsync($"{request} query", 2, output, time, cancellationToken);
        await StepAsync($"{request} render", 1, output, time, cancellationToken);
    }

    /// <summary>
    /// The program: a deadline 7 s from now for the whole run; requests "first" (budget 5 s), "second" (1.5 s) and
    /// "third" (5 s), one after the other; prints "out of time" when the deadline ends the run.
    /// </summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        var deadlineAt = time.GetUtcNow() + TimeSpan.FromSeconds(7);
        using var deadline = new CancellationTokenSource(deadlineAt - time.GetUtcNow(), time);
        try
        {
            await HandleAsync("first", TimeSpan.FromSeconds(5), output, time, deadline.Token);
            await HandleAsync("second", TimeSpan.FromSeconds(1.5), output, time, deadline.Token);
            await HandleAsync("third", TimeSpan.FromSeconds(5), output, time, deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            output.WriteLine("out of time");
        }
    }
}
