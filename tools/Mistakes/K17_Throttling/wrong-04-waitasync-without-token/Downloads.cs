namespace AsyncKatas.K17_Throttling;

/// <summary>Five downloads, at most two at a time: with a semaphore, and with Parallel.ForEachAsync.</summary>
public static class Downloads
{
    /// <summary>The files and how long each takes, in the order they are started.</summary>
    public static IReadOnlyList<(string Name, int Seconds)> Files { get; } =
        [("a.txt", 2), ("b.txt", 1), ("c.txt", 3), ("d.txt", 1), ("e.txt", 2)];

    /// <summary>Waits for a slot, prints start, sleeps on the injected clock, prints done; gives the slot back if taken.</summary>
    public static async Task DownloadAsync(string name, TimeSpan duration, SemaphoreSlim limit, TextWriter output, TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        await limit.WaitAsync();
        try
        {
            output.WriteLine($"start {name}");
            await Task.Delay(duration, time, cancellationToken);
            output.WriteLine($"done {name}");
        }
        finally
        {
            limit.Release();
        }
    }

    /// <summary>Starts every download of <see cref="Files"/> at once, two slots between them; "all done" when all are.</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        using var limit = new SemaphoreSlim(2);
        var downloads = Files.Select(file => DownloadAsync(file.Name, TimeSpan.FromSeconds(file.Seconds), limit, output, time));
        await Task.WhenAll(downloads);
        output.WriteLine("all done");
    }

    /// <summary>The same program with Parallel.ForEachAsync: at most two bodies at once, run by <paramref name="threads"/>.</summary>
    public static async Task RunWithParallelForEachAsync(TextWriter output, TimeProvider time, TaskScheduler threads)
    {
        var options = new ParallelOptions { MaxDegreeOfParallelism = 2, TaskScheduler = threads };
        await Parallel.ForEachAsync(Files, options, async (file, token) =>
        {
            output.WriteLine($"start {file.Name}");
            await Task.Delay(TimeSpan.FromSeconds(file.Seconds), time, token);
            output.WriteLine($"done {file.Name}");
        });
        output.WriteLine("all done");
    }
}
