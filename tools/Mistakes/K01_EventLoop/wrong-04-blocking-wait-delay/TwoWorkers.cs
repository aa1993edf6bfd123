namespace AsyncKatas.K01_EventLoop;

/// <summary>Two workers that take turns on one event loop (the article's first example).</summary>
public static class TwoWorkers
{
    /// <summary>Worker <paramref name="number"/>: five times, print "我是异步任务{number}" and sleep one second.</summary>
    public static Task WorkAsync(int number, TextWriter output, TimeProvider time)
    {
        for (var i = 0; i < 5; i++)
        {
            output.WriteLine($"我是异步任务{number}");
            Task.Delay(TimeSpan.FromSeconds(1), time).Wait();
        }
        return Task.CompletedTask;
    }

    /// <summary>Runs worker 1 and worker 2 together and returns when both are done.</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        var first = WorkAsync(1, output, time);
        var second = WorkAsync(2, output, time);
        await Task.WhenAll(first, second);
    }
}
