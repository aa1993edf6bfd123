namespace AsyncKatas.K03_AwaitChains;

/// <summary>
/// Awaiting an async method from inside another one (the article's 协程嵌套): the caller is suspended
/// until the callee has returned its value, and two awaits in a row run one after the other.
/// </summary>
public static class AwaitChains
{
    /// <summary>The article's <c>others()</c>: prints "start", sleeps two seconds, prints "end" and returns "返回值".</summary>
    public static Task<string> OthersAsync(TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Print \"start\", sleep two seconds with Task.Delay(delay, time), print \"end\" and return \"返回值\". " +
            "/ 打印 \"start\"，用 Task.Delay(delay, time) 休眠两秒，打印 \"end\"，然后返回 \"返回值\"。");
    }

    /// <summary>
    /// The article's <c>func()</c> with one nested await (E03): prints "执行协程函数内部代码", awaits
    /// <see cref="OthersAsync"/>, then prints "IO操作结果为: " followed by its result.
    /// </summary>
    public static Task NestedAsync(TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Print \"执行协程函数内部代码\", await OthersAsync, then print \"IO操作结果为: \" and the value it returned. " +
            "/ 打印 \"执行协程函数内部代码\"，await OthersAsync，然后打印 \"IO操作结果为: \" 和它返回的值。");
    }

    /// <summary>
    /// <c>func()</c> with two awaits in a row (E04): prints "执行协程函数内部代码", then twice awaits
    /// <see cref="OthersAsync"/> and prints "response_1的IO操作结果为: …" / "response_2的IO操作结果为: …".
    /// </summary>
    public static Task TwoAwaitsAsync(TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Print \"执行协程函数内部代码\"; await OthersAsync and print \"response_1的IO操作结果为: \" and its value; then the same again for response_2. " +
            "/ 打印 \"执行协程函数内部代码\"；await OthersAsync，打印 \"response_1的IO操作结果为: \" 和它的值；然后对 response_2 再做一遍。");
    }
}
