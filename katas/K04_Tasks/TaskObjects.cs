namespace AsyncKatas.K04_Tasks;

/// <summary>
/// Tasks started before they are awaited run together (the article's task对象). In Python a task is
/// made with <c>asyncio.create_task</c> / <c>ensure_future</c>; in C# calling an async method already
/// gives a running task, and awaiting it later only collects its result.
/// </summary>
public static class TaskObjects
{
    /// <summary>The article's <c>others()</c>: prints "start", sleeps two seconds, prints "end" and returns "返回值".</summary>
    public static Task<string> OthersAsync(TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Print \"start\", sleep two seconds with Task.Delay(delay, time), print \"end\" and return \"返回值\". " +
            "/ 打印 \"start\"，用 Task.Delay(delay, time) 休眠两秒，打印 \"end\"，然后返回 \"返回值\"。");
    }

    /// <summary>
    /// E05: prints "执行协程函数内部代码", starts task_1 and task_2 (two <see cref="OthersAsync(TextWriter, TimeProvider)"/>),
    /// then awaits task_1 and prints "task_1的IO操作结果为: …", then awaits task_2 and prints "task_2的IO操作结果为: …".
    /// Both sleeps overlap: two seconds in all.
    /// </summary>
    public static async Task TwoTasksAsync(TextWriter output, TimeProvider time)
    {
        output.WriteLine("执行协程函数内部代码");
        // Deliberately naive: each call is awaited as soon as it is made, so task_2 does not exist
        // until task_1 has finished, and the program takes four seconds. Start both, then await.
        var response1 = await OthersAsync(output, time);
        output.WriteLine($"task_1的IO操作结果为: {response1}");
        var response2 = await OthersAsync(output, time);
        output.WriteLine($"task_2的IO操作结果为: {response2}");
    }

    /// <summary>
    /// The article's <c>others(time, name)</c>: prints "start {name}", sleeps <paramref name="sleep"/>,
    /// prints "end {name}" and returns "返回值{name}".
    /// </summary>
    public static Task<string> OthersAsync(TimeSpan sleep, string name, TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Print \"start {name}\", sleep for the given time, print \"end {name}\" and return \"返回值{name}\". " +
            "/ 打印 \"start {name}\"，休眠给定的时间，打印 \"end {name}\"，然后返回 \"返回值{name}\"。");
    }

    /// <summary>
    /// E06 and E07 in one program: prints "执行协程函数内部代码", starts task_1 (sleeping
    /// <paramref name="task1Sleep"/>) and task_2 (sleeping <paramref name="task2Sleep"/>), then awaits
    /// task_1 and prints its result, then awaits task_2 and prints its result.
    /// </summary>
    public static Task NamedTasksAsync(TimeSpan task1Sleep, TimeSpan task2Sleep, TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Print \"执行协程函数内部代码\", start task_1 and task_2 (OthersAsync with their sleeps and names), then await task_1 and print \"task_1的IO操作结果为: \" and its value, then the same for task_2. " +
            "/ 打印 \"执行协程函数内部代码\"，启动 task_1 和 task_2（用各自的休眠时间和名字调用 OthersAsync），然后 await task_1 并打印 \"task_1的IO操作结果为: \" 和它的值，再对 task_2 做同样的事。");
    }
}
