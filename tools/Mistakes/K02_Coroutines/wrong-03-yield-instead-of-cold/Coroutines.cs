namespace AsyncKatas.K02_Coroutines;

/// <summary>
/// Work held "cold": made now, run later (the article's coroutine object).
/// </summary>
public static class Coroutines
{
    /// <summary>The coroutine function <c>do_work</c>: prints "学习协程中...".</summary>
    public static async Task DoWorkAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await Task.Yield(); // give control back first, so that making the work prints nothing
        output.WriteLine("学习协程中...");
    }

    /// <summary>Like <c>result = do_work()</c> in Python: returns the work without running any of it.</summary>
    public static Func<Task> MakeCoroutine(TextWriter output)
    {
        var started = DoWorkAsync(output);
        return () => started;
    }

    /// <summary>Like <c>asyncio.run(result)</c>: starts the work it is given and completes when that work has.</summary>
    public static Task RunAsync(Func<Task> coroutine)
    {
        ArgumentNullException.ThrowIfNull(coroutine);
        return coroutine();
    }
}
