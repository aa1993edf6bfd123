using System.Globalization;

namespace AsyncKatas.K05_WaitAndGather;

/// <summary>Three tasks of 1, 2 and 3 seconds, waited for together, and the time it all took.</summary>
public static class ThreeTasks
{
    /// <summary>Prints "waiting: {x}", sleeps <paramref name="x"/> seconds and returns "Done after {x}s".</summary>
    public static async Task<string> DoWorkAsync(int x, TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"waiting: {x}");
        await Task.Delay(TimeSpan.FromSeconds(x), time);
        return $"Done after {x}s";
    }

    /// <summary>Runs DoWorkAsync(1), (2) and (3) together; once all are done, prints "task result: ..." for each, in that order.</summary>
    public static async Task MainAsync(TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        Task<string>[] tasks = [DoWorkAsync(1, output, time), DoWorkAsync(2, output, time), DoWorkAsync(3, output, time)];
        foreach (var task in tasks)
        {
            output.WriteLine($"task result: {await task}");
        }
    }

    /// <summary>Starts DoWorkAsync(1), (2) and (3) at once, named "MY_COROUTINE_1" to "MY_COROUTINE_3", and returns them unawaited.</summary>
    public static IReadOnlyList<NamedTask> StartNamedTasks(TextWriter output, TimeProvider time)
    {
        var named = new List<NamedTask>();
        foreach (var x in new[] { 1, 2, 3 })
        {
            named.Add(new NamedTask($"MY_COROUTINE_{x}", DoWorkAsync(x, output, time)));
        }
        return named;
    }

    /// <summary>The same program with named tasks: starts them with StartNamedTasks, waits for all, prints their results in order.</summary>
    public static async Task MainNamedAsync(TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        var named = StartNamedTasks(output, time);
        await Task.WhenAll(named.Select(n => n.Task));
        foreach (var task in named)
        {
            output.WriteLine($"task result: {await task.Task}");
        }
    }

    /// <summary>Notes the time on <paramref name="time"/>, awaits <paramref name="main"/>, then prints "Time: {elapsed seconds}".</summary>
    public static async Task TimedAsync(Func<Task> main, TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(main);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        var start = time.GetTimestamp();
        await main();
        output.WriteLine($"Time: {PythonSeconds(time.GetElapsedTime(start))}");
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
