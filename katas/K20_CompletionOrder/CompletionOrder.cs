namespace AsyncKatas.K20_CompletionOrder;

/// <summary>Three downloads started together, each reported the moment it ends (Python's asyncio.as_completed).</summary>
public static class CompletionOrder
{
    /// <summary>
    /// Given: a download that takes <paramref name="seconds"/> and returns "{name}: {seconds * 1000} bytes",
    /// or, when <paramref name="fails"/>, throws an IOException "{name}: connection reset" at that moment.
    /// </summary>
    public static async Task<string> FetchAsync(string name, int seconds, TimeProvider time, bool fails = false)
    {
        await Task.Delay(TimeSpan.FromSeconds(seconds), time);
        if (fails) throw new IOException($"{name}: connection reset");
        return $"{name}: {seconds * 1000} bytes";
    }

    /// <summary>
    /// Prints "got {result}" for each download the moment it ends, or "failed {message}" for one that threw an
    /// IOException, and returns once every download has ended.
    /// </summary>
    public static Task PrintAsCompletedAsync(IReadOnlyList<Task<string>> downloads, TextWriter output)
    {
        throw new NotImplementedException(
            "Report each download the moment it ends, whichever it is: \"got {result}\", or \"failed {message}\" for one that threw an " +
            "IOException. Return once all of them have been reported. (Awaiting them in list order reports a quick one too late.)" +
            " / 每个下载一结束就报告它，不论是哪一个：\"got {result}\"，抛出 IOException 的则是 \"failed {message}\"。全部报告完后返回。（按列表顺序 await 会把先结束的报告得太晚。）");
    }

    /// <summary>Given: the whole program. Starts the three downloads, reports them as they end, then prints "all done".</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        Task<string>[] downloads =
        [
            FetchAsync("report", 3, time),
            FetchAsync("logo", 1, time),
            FetchAsync("prices", 2, time, fails: true),
        ];
        await PrintAsCompletedAsync(downloads, output);
        output.WriteLine("all done");
    }
}
