namespace AsyncKatas.K19_Deadlines;

/// <summary>One time budget around several awaits, inside a deadline for the whole run (asyncio.timeout, timeout_at).</summary>
public static class Deadlines
{
    /// <summary>Prints "begin {name}", sleeps <paramref name="seconds"/> on <paramref name="time"/> (stopped by the token), prints "end {name}".</summary>
    public static async Task StepAsync(string name, double seconds, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        // Deliberately naive: the token never reaches the sleep, so nothing can stop a step. Fix that.
        output.WriteLine($"begin {name}");
        await Task.Delay(TimeSpan.FromSeconds(seconds), time);
        output.WriteLine($"end {name}");
    }

    /// <summary>
    /// Runs the steps "{request} auth" (1 s), "{request} query" (2 s) and "{request} render" (1 s) within one
    /// <paramref name="budget"/> for all three, measured on <paramref name="time"/>, and within the caller's token.
    /// Prints "{request} served", or "{request} timed out" when its own budget ran out; the caller's cancellation
    /// is not a timeout of this request: it ends this method cancelled.
    /// </summary>
    public static Task HandleAsync(string request, TimeSpan budget, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        throw new NotImplementedException(
            "Give the three steps one token that the budget (timed on the injected clock) and the caller's token both cancel; " +
            "print \"{request} served\", or \"{request} timed out\" when the budget ran out; let the caller's cancellation go on." +
            " / 给三个步骤同一个 token，预算（在注入的时钟上计时）和调用者的 token 都能取消它；打印 \"{request} served\"，预算用完时打印 \"{request} timed out\"；让调用者的取消继续传下去。");
    }

    /// <summary>
    /// The program: a deadline 7 s from now for the whole run; requests "first" (budget 5 s), "second" (1.5 s) and
    /// "third" (5 s), one after the other; prints "out of time" when the deadline ends the run.
    /// </summary>
    public static Task RunAsync(TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Make a deadline 7 s from now on the injected clock, handle \"first\" (5 s), \"second\" (1.5 s) and \"third\" (5 s) one after the other " +
            "with its token, and print \"out of time\" when the deadline stops the run." +
            " / 在注入的时钟上设一个从现在起 7 s 的截止时间，带着它的 token 依次处理 \"first\"（5 s）、\"second\"（1.5 s）和 \"third\"（5 s），截止时间让运行停下时打印 \"out of time\"。");
    }
}
