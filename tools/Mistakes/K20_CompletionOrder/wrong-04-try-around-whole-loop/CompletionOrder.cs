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

    public static async Task PrintAsCompletedAsync(IReadOnlyList<Task<string>> downloads, TextWriter output)
    {
        try
        {
            await foreach (var finished in Task.WhenEach(downloads))
            {
                output.WriteLine($"got {await finished}");
            }
        }
        catch (IOException error)
        {
            output.WriteLine($"failed {error.Message}");
        }
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
