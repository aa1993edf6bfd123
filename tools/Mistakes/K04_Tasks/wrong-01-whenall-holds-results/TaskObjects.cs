namespace AsyncKatas.K04_Tasks;

/// <summary>Tasks started before they are awaited run together (the article's task对象).</summary>
public static class TaskObjects
{
    /// <summary>The article's <c>others()</c>: prints "start", sleeps two seconds, prints "end" and returns "返回值".</summary>
    public static async Task<string> OthersAsync(TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("start");
        await Task.Delay(TimeSpan.FromSeconds(2), time);
        output.WriteLine("end");
        return "返回值";
    }

    /// <summary>E05: starts task_1 and task_2, then awaits them in order. Two seconds in all.</summary>
    public static async Task TwoTasksAsync(TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("执行协程函数内部代码");
        var task1 = OthersAsync(output, time);
        var task2 = OthersAsync(output, time);
        output.WriteLine($"task_1的IO操作结果为: {await task1}");
        output.WriteLine($"task_2的IO操作结果为: {await task2}");
    }

    /// <summary>The article's <c>others(time, name)</c>.</summary>
    public static async Task<string> OthersAsync(TimeSpan sleep, string name, TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"start {name}");
        await Task.Delay(sleep, time);
        output.WriteLine($"end {name}");
        return $"返回值{name}";
    }

    /// <summary>E06 and E07 in one program.</summary>
    public static async Task NamedTasksAsync(TimeSpan task1Sleep, TimeSpan task2Sleep, TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("执行协程函数内部代码");
        var task1 = OthersAsync(task1Sleep, "task_1", output, time);
        var task2 = OthersAsync(task2Sleep, "task_2", output, time);
        var responses = await Task.WhenAll(task1, task2);
        var response1 = responses[0];
        output.WriteLine($"task_1的IO操作结果为: {response1}");
        var response2 = responses[1];
        output.WriteLine($"task_2的IO操作结果为: {response2}");
    }
}
