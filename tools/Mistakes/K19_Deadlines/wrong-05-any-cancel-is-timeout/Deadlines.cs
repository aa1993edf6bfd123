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

    /// <summary>Runs auth, query and render within one budget for all three and within the caller's token.</summary>
    public static async Task HandleAsync(string request, TimeSpan budget, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        using var ownBudget = new CancellationTokenSource(budget, time);
        using var steps = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ownBudget.Token);
        try
        {
            await StepAsync($"{request} auth", 1, output, time, steps.Token);
            await StepAsync($"{request} query", 2, output, time, steps.Token);
            await StepAsync($"{request} render", 1, output, time, steps.Token);
            output.WriteLine($"{request} served");
        }
        catch (OperationCanceledException)
        {
            output.WriteLine($"{request} timed out");
        }
    }

    /// <summary>The program: a deadline 7 s from now; first (5 s), second (1.5 s), third (5 s); "out of time" when the deadline ends the run.</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(7), time);
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
