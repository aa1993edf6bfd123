namespace AsyncKatas.K02_Coroutines;

/// <summary>
/// Work held "cold": made now, run later (the article's coroutine object). In Python, calling an
/// <c>async def</c> function runs none of its code; in C#, calling an <c>async</c> method runs it at once,
/// so work that must wait is held as a <see cref="Func{Task}"/> and started by invoking it.
/// </summary>
public static class Coroutines
{
    /// <summary>The coroutine function <c>do_work</c>: prints "学习协程中...". Like every C# async method, it starts running as soon as it is called.</summary>
    public static async Task DoWorkAsync(TextWriter output)
    {
        await output.WriteLineAsync("学习协程中...");
    }

    /// <summary>
    /// Like <c>result = do_work()</c> in Python: returns the work without running any of it. Nothing is
    /// printed until the returned function is invoked.
    /// </summary>
    public static Func<Task> MakeCoroutine(TextWriter output) => () => DoWorkAsync(output);

    /// <summary>Like <c>asyncio.run(result)</c>: starts the work it is given and completes when that work has.</summary>
    public static Task RunAsync(Func<Task> coroutine)
    {
        ArgumentNullException.ThrowIfNull(coroutine);
        return coroutine();
    }
}
