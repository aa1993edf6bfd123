namespace AsyncKatas.K17_Throttling;

/// <summary>Five downloads, at most two at a time: with a semaphore, and with Parallel.ForEachAsync.</summary>
public static class Downloads
{
    /// <summary>The files and how long each takes, in the order they are started.</summary>
    public static IReadOnlyList<(string Name, int Seconds)> Files { get; } =
        [("a.txt", 2), ("b.txt", 1), ("c.txt", 3), ("d.txt", 1), ("e.txt", 2)];

    /// <summary>
    /// Waits for a slot of <paramref name="limit"/> (cancelled by <paramref name="cancellationToken"/> while it
    /// waits), prints "start {name}", sleeps <paramref name="duration"/> on <paramref name="time"/>, prints
    /// "done {name}". The slot is given back however the download ends, and only if it was taken.
    /// </summary>
    public static Task DownloadAsync(string name, TimeSpan duration, SemaphoreSlim limit, TextWriter output, TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        throw new NotImplementedException(
            "Wait for a slot of `limit` (with the token), print \"start {name}\", sleep `duration` on the injected clock (with the token), " +
            "print \"done {name}\"; give the slot back however the download ends." +
            " / （带着 token）等待 `limit` 的一个名额，打印 \"start {name}\"，在注入的时钟上（带着 token）睡 `duration`，打印 \"done {name}\"；无论下载以什么方式结束，都要交还名额。");
    }

    /// <summary>Starts every download of <see cref="Files"/> at once, two slots between them; "all done" when all are.</summary>
    public static Task RunAsync(TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Make one semaphore with two slots, start DownloadAsync for every file of Files, wait for all of them, then print \"all done\"." +
            " / 创建一个有两个名额的信号量，为 Files 中的每个文件启动 DownloadAsync，等待它们全部完成，然后打印 \"all done\"。");
    }

    /// <summary>
    /// The same program with Parallel.ForEachAsync: at most two bodies at once, run by <paramref name="threads"/>
    /// (the loop's threads stand in for the thread pool, which the virtual clock cannot see).
    /// </summary>
    public static Task RunWithParallelForEachAsync(TextWriter output, TimeProvider time, TaskScheduler threads)
    {
        throw new NotImplementedException(
            "Run a body per file of Files with Parallel.ForEachAsync, at most two at once, on `threads`: print \"start {name}\", " +
            "sleep on the injected clock (with the body's token), print \"done {name}\"; then print \"all done\"." +
            " / 用 Parallel.ForEachAsync 为 Files 中的每个文件运行一个循环体，最多同时两个，在 `threads` 上运行：打印 \"start {name}\"，在注入的时钟上（带着循环体的 token）睡眠，打印 \"done {name}\"；最后打印 \"all done\"。");
    }
}
