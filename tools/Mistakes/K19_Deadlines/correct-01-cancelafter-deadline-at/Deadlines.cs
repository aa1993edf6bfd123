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
        using var ownBudget = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        ownBudget.CancelAfter(budget);
        using var steps = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, ownBudget.Token);
        try
        {
            foreach (var (step, seconds) in new[] { ("auth", 1.0), ("query", 2.0), ("render", 1.0) })
            {
                await StepAsync($"{request} {step}", seconds, output, time, steps.Token);
            }
            output.WriteLine($"{request} served");
        }
        catch (OperationCanceledException) when (ownBudget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            output.WriteLine($"{request} timed out");
        }
    }

    /// <summary>The program: a deadline 7 s from now; first (5 s), second (1.5 s), third (5 s); "out of time" when the deadline ends the run.</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        var deadlineAt = time.GetUtcNow() + TimeSpan.FromSeconds(7);
        using var deadline = new CancellationTokenSource(deadlineAt - time.GetUtcNow(), time);
        (string Request, double Budget)[] requests = [("first", 5), ("second", 1.5), ("third", 5)];
        try
        {
            foreach (var (request, budget) in requests)
            {
                await HandleAsync(request, TimeSpan.FromSeconds(budget), output, time, deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.Token.IsCancellationRequested)
        {
            output.WriteLine("out of time");
        }
    }
}
