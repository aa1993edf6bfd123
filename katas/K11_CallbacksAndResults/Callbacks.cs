namespace AsyncKatas.K11_CallbacksAndResults;

/// <summary>
/// Done callbacks and the result of a finished task (the article's examples E13 and E14).
/// </summary>
public static class Callbacks
{
    /// <summary>The article's <c>do_work(x)</c>: prints "waiting: {x}" and returns "Done after {x} s" without sleeping.</summary>
    public static Task<string> DoWorkAsync(int x, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"waiting: {x}");
        return Task.FromResult($"Done after {x} s");
    }

    /// <summary>
    /// Python's <c>task.add_done_callback(callback)</c>: arranges for <paramref name="callback"/> to run once, on
    /// the loop, after <paramref name="task"/> has finished, and returns at once.
    /// </summary>
    public static void AddDoneCallback(Task<string> task, Action<Task<string>> callback)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(callback);
        // Deliberately naive: this calls back at once, whether or not the task has finished.
        // Make the callback wait for the end of the task, without blocking the loop.
        callback(task);
    }

    /// <summary>
    /// The done callback (given): prints "callback: {result}" for a task that has finished. The writer is an extra
    /// argument: the caller binds it with a lambda (Python: <c>functools.partial</c>).
    /// </summary>
    public static void PrintResult(TextWriter output, Task<string> finished)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(finished);
        if (finished.IsCompleted)
        {
            // Finished: reading the result no longer waits (and the analyzer, seeing the check, agrees).
            output.WriteLine($"callback: {finished.Result}");
            return;
        }
        // Python's future.result() raises InvalidStateError here; .Result would block the loop instead.
        throw new InvalidOperationException(
            "PrintResult got a task that has not finished yet: a done callback must run only after its task has ended.");
    }

    /// <summary>E13: adds <see cref="PrintResult"/> as the done callback of <paramref name="task"/>, then waits for the task.</summary>
    public static Task RunWithCallbackAsync(Task<string> task, TextWriter output)
    {
        throw new NotImplementedException(
            "Add a done callback to the task that calls PrintResult with this output (a lambda passes the extra argument), then await the task. / " +
            "给任务添加一个完成回调，用这个 output 调用 PrintResult（用 lambda 传入多出来的参数），然后 await 这个任务。");
    }

    /// <summary>E14: waits for <paramref name="task"/> to finish, then prints "直接获取返回结果: {result}".</summary>
    public static Task ReadResultAsync(Task<string> task, TextWriter output)
    {
        throw new NotImplementedException(
            "Wait for the task to finish without blocking the loop, then print \"直接获取返回结果: {result}\". / " +
            "在不阻塞事件循环的前提下等待任务完成，然后打印 \"直接获取返回结果: {result}\"。");
    }
}
