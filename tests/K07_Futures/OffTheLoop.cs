using System.Diagnostics;
using System.Reflection;
using AsyncKatas.K07_Futures;

namespace AsyncKatas.Tests.K07_Futures;

/// <summary>
/// Where SetAfterAsync completed the future, when it did so outside the loop's queue: on the loop's own thread
/// or another, and from which code of the kata (the nearest frame of K07's code on the stack when SetResult ran):
/// the async method itself, resumed off the loop, or a callback (a lambda) that something else called.
/// </summary>
internal sealed record OffTheLoop(bool OnTheLoopThread, string ThreadName, bool FromACallback)
{
    /// <summary>Reads the thread and the stack; called inside SetResult by a waiter that runs there.</summary>
    public static OffTheLoop Observe(bool onTheLoopThread)
    {
        var kataFrame = new StackTrace(1, false).GetFrames()
            .Select(f => f.GetMethod())
            .FirstOrDefault(m => m?.DeclaringType?.Namespace == typeof(Futures).Namespace);
        return new OffTheLoop(onTheLoopThread, Thread.CurrentThread.Name ?? $"thread {Environment.CurrentManagedThreadId}", IsCallback(kataFrame));
    }

    // An async method's resumed code is MoveNext of its state machine (<SetAfterAsync>d__N); a lambda is <X>b__N.
    private static bool IsCallback(MethodBase? method) =>
        method is not null && method.Name != "MoveNext" && method.Name.Contains(">b__", StringComparison.Ordinal);

    public Verdict Verdict()
    {
        var verdict = new Verdict("SetAfterAsync completed the future outside the loop's queue, where asyncio never runs code.");
        return (OnTheLoopThread, FromACallback) switch
        {
            (true, true) => verdict
                .Evidence("SetResult ran in a callback (a lambda of yours) that the clock called on the loop's thread, but not through the loop's queue")
                .Cause("a timer's callback (time.CreateTimer(...)) completes the future: the clock calls it directly, between the loop's steps, like a signal handler.")
                .Fix("sleep in SetAfterAsync itself and complete the future after the await: await Task.Delay(TimeSpan.FromSeconds(2), time); future.SetResult(666);"),
            (true, false) => verdict
                .Evidence("SetResult ran in SetAfterAsync, on the loop's thread, but after an await that did not come back through the loop's queue")
                .Cause("ConfigureAwait(false) on the sleep: the code after it runs wherever the sleep ended, not on the loop.")
                .Fix("drop ConfigureAwait(false): after await Task.Delay(delay, time) the code runs on the loop again; call SetResult there."),
            (false, true) => verdict
                .Evidence($"SetResult ran in a callback (a lambda of yours) on {ThreadName}, a thread that is not the loop's")
                .Causes("a ContinueWith on TaskScheduler.Default (or without a scheduler), which runs on the shared thread pool,",
                        "SetResult handed to another thread (Task.Run, a new Thread, ThreadPool.QueueUserWorkItem).")
                .Fix("await the sleep and complete the future on the next line, on the loop: await Task.Delay(TimeSpan.FromSeconds(2), time); future.SetResult(666);"),
            (false, false) => verdict
                .Evidence($"SetResult ran in SetAfterAsync, but on {ThreadName}, a thread that is not the loop's")
                .Causes("ConfigureAwait(false) on an await before it: the code after it runs wherever that await ended,",
                        "SetAfterAsync itself started on another thread (Task.Run, StartNew on TaskScheduler.Default).")
                .Fix("complete the future on the loop, as asyncio does: after await Task.Delay(delay, time) without ConfigureAwait(false), the code runs on the loop again; call SetResult there."),
        };
    }
}
