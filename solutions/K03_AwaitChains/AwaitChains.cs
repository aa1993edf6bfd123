namespace AsyncKatas.K03_AwaitChains;

/// <summary>
/// Awaiting an async method from inside another one (the article's 协程嵌套): the caller is suspended
/// until the callee has returned its value, and two awaits in a row run one after the other.
/// </summary>
public static class AwaitChains
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
    /// The article's <c>func()</c> with one nested await (E03): prints "执行协程函数内部代码", awaits
    /// <see cref="OthersAsync"/>, then prints "IO操作结果为: " followed by its result.
    /// </summary>
    public static async Task NestedAsync(TextWriter output, TimeProvider time)
    {
        output.WriteLine("执行协程函数内部代码");
        var response = await OthersAsync(output, time);
        output.WriteLine($"IO操作结果为: {response}");
    }

    /// <summary>
    /// <c>func()</c> with two awaits in a row (E04): prints "执行协程函数内部代码", then twice awaits
    /// <see cref="OthersAsync"/> and prints "response_1的IO操作结果为: …" / "response_2的IO操作结果为: …".
    /// </summary>
    public static async Task TwoAwaitsAsync(TextWriter output, TimeProvider time)
    {
        output.WriteLine("执行协程函数内部代码");
        var response1 = await OthersAsync(output, time);
        output.WriteLine($"response_1的IO操作结果为: {response1}");
        var response2 = await OthersAsync(output, time);
        output.WriteLine($"response_2的IO操作结果为: {response2}");
    }
}
