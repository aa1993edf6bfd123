namespace AsyncKatas.K01_EventLoop;

/// <summary>Two workers that take turns on one event loop (the article's first example).</summary>
public static class TwoWorkers
{
    /// <summary>Worker <paramref name="number"/>: five times, print "我是异步任务{number}" and sleep one second.</summary>
    public static async Task WorkAsync(int number, TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var ticks = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        for (var round = 5; round > 0; round--)
        {
            output.WriteLine($"我是异步任务{number}");
            await ticks.WaitForNextTickAsync();
        }
    }

    /// <summary>Runs worker 1 and worker 2 together and returns when both are done.</summary>
    public static Task RunAsync(TextWriter output, TimeProvider time) =>
        Task.WhenAll(new[] { 1, 2 }.Select(number => WorkAsync(number, output, time)).ToArray());
}
