namespace AsyncKatas.K02_Coroutines;

/// <summary>
/// Work held "cold": made now, run later (the article's coroutine object).
/// </summary>
public static class Coroutines
{
    /// <summary>The coroutine function <c>do_work</c>: prints "学习协程中...".</summary>
    public static Task DoWorkAsync(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("学习协程中...");
        return Task.CompletedTask;
    }

    /// <summary>Like <c>result = do_work()</c> in Python: returns the work without running any of it.</summary>
    public static Func<Task> MakeCoroutine(TextWriter output)
    {
        return () => DoWorkAsync(output);
    }

    /// <summary>Like <c>asyncio.run(result)</c>: starts the work it is given and completes when that work has.</summary>
    public static Task RunAsync(Func<Task> coroutine)
    {
        ArgumentNullException.ThrowIfNull(coroutine);
        coroutine().Wait(); // run it to the end, like asyncio.run
        return Task.CompletedTask;
    }
}
