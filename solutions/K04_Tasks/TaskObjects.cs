namespace AsyncKatas.K04_Tasks;

/// <summary>
/// Tasks started before they are awaited run together (the article's task对象). In Python a task is
/// made with <c>asyncio.create_task</c> / <c>ensure_future</c>; in C# calling an async method already
/// gives a running task, and awaiting it later only collects its result.
/// </summary>
public static class TaskObjects
{
    /// <summary>The article's <c>others()</c>: prints "start", sleeps two seconds, prints "end" and returns "返回值".</summary>
    public static async Task<string> OthersAsync(TextWriter output, TimeProvider time)
    {
        output.WriteLine("start");
        await Task.Delay(TimeSpan.FromSeconds(2), time);
        output.WriteLine("end");
        return "返回值";
    }

    /// <summary>
    /// E05: prints "执行协程函数内部代码", starts task_1 and task_2 (two <see cref="OthersAsync(TextWriter, TimeProvider)"/>),
    /// then awaits task_1 and prints "task_1的IO操作结果为: …", then awaits task_2 and prints "task_2的IO操作结果为: …".
    /// Both sleeps overlap: two seconds in all.
    /// </summary>
    public static async Task TwoTasksAsync(TextWriter output, TimeProvider time)
    {
        output.WriteLine("执行协程函数内部代码");
        var task1 = OthersAsync(output, time);
        var task2 = OthersAsync(output, time);
        var response1 = await task1;
        output.WriteLine($"task_1的IO操作结果为: {response1}");
        var response2 = await task2;
        output.WriteLine($"task_2的IO操作结果为: {response2}");
    }

    /// <summary>
    /// The article's <c>others(time, name)</c>: prints "start {name}", sleeps <paramref name="sleep"/>,
    /// prints "end {name}" and returns "返回值{name}".
    /// </summary>
    public static async Task<string> OthersAsync(TimeSpan sleep, string name, TextWriter output, TimeProvider time)
    {
        output.WriteLine($"start {name}");
        await Task.Delay(sleep, time);
        output.WriteLine($"end {name}");
        return $"返回值{name}";
    }

    /// <summary>
    /// E06 and E07 in one program: prints "执行协程函数内部代码", starts task_1 (sleeping
    /// <paramref name="task1Sleep"/>) and task_2 (sleeping <paramref name="task2Sleep"/>), then awaits
    /// task_1 and prints its result, then awaits task_2 and prints its result.
    /// </summary>
    public static async Task NamedTasksAsync(TimeSpan task1Sleep, TimeSpan task2Sleep, TextWriter output, TimeProvider time)
    {
        output.WriteLine("执行协程函数内部代码");
        var task1 = OthersAsync(task1Sleep, "task_1", output, time);
        var task2 = OthersAsync(task2Sleep, "task_2", output, time);
        var response1 = await task1;
        output.WriteLine($"task_1的IO操作结果为: {response1}");
        var response2 = await task2;
        output.WriteLine($"task_2的IO操作结果为: {response2}");
    }
}
