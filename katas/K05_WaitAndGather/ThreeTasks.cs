using System.Globalization;

namespace AsyncKatas.K05_WaitAndGather;

/// <summary>Three tasks of 1, 2 and 3 seconds, waited for together, and the time it all took.</summary>
public static class ThreeTasks
{
    /// <summary>Prints "waiting: {x}", sleeps <paramref name="x"/> seconds and returns "Done after {x}s".</summary>
    public static Task<string> DoWorkAsync(int x, TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Print \"waiting: {x}\", sleep x seconds on the injected clock (Task.Delay(delay, time)), then return \"Done after {x}s\". " +
            "/ 打印 \"waiting: {x}\"，在注入的时钟上休眠 x 秒（Task.Delay(delay, time)），然后返回 \"Done after {x}s\"。");
    }

    /// <summary>Runs DoWorkAsync(1), (2) and (3) together; once all are done, prints "task result: ..." for each, in that order.</summary>
    public static async Task MainAsync(TextWriter output, TimeProvider time)
    {
        // Deliberately naive: each task starts only after the previous one has finished (1 + 2 + 3 = 6 s).
        // Start all three first, then wait for them together.
        var results = new List<string>();
        foreach (var x in new[] { 1, 2, 3 })
        {
            results.Add(await DoWorkAsync(x, output, time));
        }
        foreach (var result in results)
        {
            output.WriteLine($"task result: {result}");
        }
    }

    /// <summary>Starts DoWorkAsync(1), (2) and (3) at once, named "MY_COROUTINE_1" to "MY_COROUTINE_3", and returns them unawaited.</summary>
    public static IReadOnlyList<NamedTask> StartNamedTasks(TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Start DoWorkAsync(1), (2) and (3) without awaiting them and return them as new NamedTask(\"MY_COROUTINE_{x}\", task). " +
            "/ 启动 DoWorkAsync(1)、(2) 和 (3)，不要 await 它们，把它们以 new NamedTask(\"MY_COROUTINE_{x}\", task) 的形式返回。");
    }

    /// <summary>The same program with named tasks: starts them with StartNamedTasks, waits for all, prints their results in order.</summary>
    public static Task MainNamedAsync(TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Start the tasks with StartNamedTasks, wait until all of them are done, then print \"task result: ...\" for each, in order. " +
            "/ 用 StartNamedTasks 启动任务，等它们全部完成，然后按顺序为每个任务打印 \"task result: ...\"。");
    }

    /// <summary>Notes the time on <paramref name="time"/>, awaits <paramref name="main"/>, then prints "Time: {elapsed seconds}".</summary>
    public static Task TimedAsync(Func<Task> main, TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Read the injected clock, await main(), then print \"Time: \" + PythonSeconds(elapsed), the elapsed time measured on that clock. " +
            "/ 读取注入的时钟，await main()，然后打印 \"Time: \" + PythonSeconds(elapsed)，即在这个时钟上量出的经过时间。");
    }

    /// <summary>The article's whole program: MainAsync, timed.</summary>
    public static Task RunAsync(TextWriter output, TimeProvider time) =>
        TimedAsync(() => MainAsync(output, time), output, time);

    /// <summary>The named-task form of the program: MainNamedAsync, timed.</summary>
    public static Task RunNamedAsync(TextWriter output, TimeProvider time) =>
        TimedAsync(() => MainNamedAsync(output, time), output, time);

    /// <summary>Seconds as Python prints a float: 3.0, 2.5, 0.25 (never "3"). Given: use it as it is.</summary>
    internal static string PythonSeconds(TimeSpan elapsed)
    {
        var text = elapsed.TotalSeconds.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }
}
