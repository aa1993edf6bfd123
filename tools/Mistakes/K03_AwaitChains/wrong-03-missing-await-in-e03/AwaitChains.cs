namespace AsyncKatas.K03_AwaitChains;

/// <summary>Awaiting an async method from inside another one.</summary>
public static class AwaitChains
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

    /// <summary>E03: one nested await.</summary>
    public static async Task NestedAsync(TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("执行协程函数内部代码");
        var response = OthersAsync(output, time);
        output.WriteLine($"IO操作结果为: {response}");
    }

    /// <summary>E04: two awaits in a row.</summary>
    public static async Task TwoAwaitsAsync(TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("执行协程函数内部代码");
        var first = await OthersAsync(output, time);
        output.WriteLine($"response_1的IO操作结果为: {first}");
        var second = await OthersAsync(output, time);
        output.WriteLine($"response_2的IO操作结果为: {second}");
    }
}
