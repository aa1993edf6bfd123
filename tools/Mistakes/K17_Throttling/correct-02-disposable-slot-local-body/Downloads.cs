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
        await limit.WaitAsync(cancellationToken);
        using (new Slot(limit))
        {
            output.WriteLine($"start {name}");
            await Task.Delay(duration, time, cancellationToken);
            output.WriteLine($"done {name}");
        }
    }

    /// <summary>A taken slot; disposing it gives the slot back (the async-with of a semaphore).</summary>
    private readonly struct Slot(SemaphoreSlim limit) : IDisposable
    {
        public void Dispose() => limit.Release();
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
        var options = new ParallelOptions();
        options.TaskScheduler = threads;
        options.MaxDegreeOfParallelism = 2;
        await Parallel.ForEachAsync(Files.ToArray(), options, (file, token) => BodyAsync(file.Name, file.Seconds, token));
        output.WriteLine("all done");

        async ValueTask BodyAsync(string name, int seconds, CancellationToken token)
        {
            output.WriteLine($"start {name}");
            await Task.Delay(TimeSpan.FromSeconds(seconds), time, token);
            output.WriteLine($"done {name}");
        }
    }
}
