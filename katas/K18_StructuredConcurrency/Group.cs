namespace AsyncKatas.K18_StructuredConcurrency;

/// <summary>A group of jobs that start together, end together, and stop together when one fails (asyncio.TaskGroup).</summary>
public static class Group
{
    /// <summary>
    /// Prints "start {name}" and sleeps <paramref name="seconds"/> on <paramref name="time"/>. Cancelled during the
    /// sleep: prints "cancelled {name}" and ends cancelled. Else, when <paramref name="fail"/>, throws
    /// InvalidOperationException("{name} failed"); otherwise prints "done {name}" and returns the name.
    /// </summary>
    public static Task<string> FetchAsync(string name, int seconds, bool fail, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        throw new NotImplementedException(
            "Print \"start {name}\", sleep on the injected clock with the token; if cancelled, print \"cancelled {name}\" and let the cancellation go on; " +
            "then throw InvalidOperationException(\"{name} failed\") when `fail`, else print \"done {name}\" and return the name." +
            " / 打印 \"start {name}\"，在注入的时钟上带着 token 睡眠；被取消时，打印 \"cancelled {name}\" 并让取消继续传下去；然后，`fail` 时抛出 InvalidOperationException(\"{name} failed\")，否则打印 \"done {name}\" 并返回名字。");
    }

    /// <summary>
    /// Starts every job at once with one token, linked to <paramref name="cancellationToken"/>. The first job that fails
    /// cancels that token, so the others stop. Returns when every job has ended: their results, in order, when all
    /// succeeded; else throws an AggregateException holding every failure, in job order (cancellations are not failures).
    /// Cancelled from outside (and no failure): ends cancelled.
    /// </summary>
    public static Task<IReadOnlyList<string>> RunAllAsync(IReadOnlyList<Func<CancellationToken, Task<string>>> jobs, CancellationToken cancellationToken)
    {
        throw new NotImplementedException(
            "Start every job with the token of one CancellationTokenSource linked to `cancellationToken`; cancel it when a job fails; " +
            "wait for all; return the results, or throw an AggregateException with every failure." +
            " / 用一个与 `cancellationToken` 相链接的 CancellationTokenSource 的 token 启动每个工作；有工作失败时取消它；等待全部结束；返回结果，或者抛出一个包含每个失败的 AggregateException。");
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
            token => FetchAsync("prices", 3, fail: false, output, time, token),
        ];
        // Deliberately naive: the first failure escapes and the program ends there. Print every failure instead
        // ("failed: {message}"), then "main ends".
        await RunAllAsync(jobs, CancellationToken.None);
        output.WriteLine("main ends");
    }
}
