using System.Globalization;

namespace AsyncKatas.K06_TimeoutsAndCancellation;

/// <summary>Three tasks of 1, 2 and 3 seconds, waited for at most a given time; what is still pending then gets cancelled.</summary>
public static class WaitWithTimeout
{
    /// <summary>
    /// Prints "waiting: {x}", sleeps <paramref name="x"/> seconds and returns "Done after {x}s". When
    /// <paramref name="cancellationToken"/> is cancelled during the sleep, it ends as cancelled and prints nothing more.
    /// </summary>
    public static async Task<string> DoWorkAsync(int x, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        // Deliberately naive: the token never reaches the sleep, so nobody can stop it. Fix that.
        output.WriteLine($"waiting: {x}");
        await Task.Delay(TimeSpan.FromSeconds(x), time);
        return $"Done after {x}s";
    }

    /// <summary>
    /// Starts DoWorkAsync(1), (2) and (3) as "MY_COROUTINE_1" to "MY_COROUTINE_3" and waits at most
    /// <paramref name="timeout"/> for them. Then prints "task result: ..." for each finished task and
    /// "pending: {name}" for each unfinished one (in start order), cancels the unfinished ones, and
    /// returns the three tasks.
    /// </summary>
    public static Task<IReadOnlyList<NamedTask>> MainAsync(TextWriter output, TimeProvider time, TimeSpan timeout)
    {
        throw new NotImplementedException(
            "Start the three named tasks with a token you can cancel, wait at most `timeout` for them (on the injected clock), " +
            "print \"task result: ...\" for the finished ones and \"pending: {name}\" for the others, then cancel those and return the three tasks. " +
            "/ 用一个你能取消的令牌启动三个带名字的任务，最多等它们 `timeout`（在注入的时钟上），为已完成的任务打印 \"task result: ...\"，" +
            "为其余的打印 \"pending: {name}\"，然后取消那些任务，并返回这三个任务。");
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
