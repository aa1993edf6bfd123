namespace AsyncKatas.K02_Coroutines;

/// <summary>
/// Work held "cold": made now, run later (the article's coroutine object). In Python, calling an
/// <c>async def</c> function runs none of its code; in C#, calling an <c>async</c> method runs it at once,
/// so work that must wait is held as a <see cref="Func{Task}"/> and started by invoking it.
/// </summary>
public static class Coroutines
{
    /// <summary>The coroutine function <c>do_work</c>: prints "学习协程中...". Like every C# async method, it starts running as soon as it is called.</summary>
    public static Task DoWorkAsync(TextWriter output)
    {
        throw new NotImplementedException("Print \"学习协程中...\" to output. / 把 \"学习协程中...\" 打印到 output。");
    }

    /// <summary>
    /// Like <c>result = do_work()</c> in Python: returns the work without running any of it. Nothing is
    /// printed until the returned function is invoked.
    /// </summary>
    public static Func<Task> MakeCoroutine(TextWriter output)
    {
        // Deliberately naive: calling DoWorkAsync here starts it now, so the line is printed when the
        // work is made, not when it is run. Hand back work that has not started yet.
        var started = DoWorkAsync(output);
        return () => started;
    }

    /// <summary>Like <c>asyncio.run(result)</c>: starts the work it is given and completes when that work has.</summary>
    public static Task RunAsync(Func<Task> coroutine)
    {
        throw new NotImplementedException("Start the work you were given and return the Task for its end. / 启动交给你的工作，并返回代表它结束的 Task。");
    }
}
