namespace AsyncKatas.K01_EventLoop;

/// <summary>Two workers that take turns on one event loop (the article's first example).</summary>
public static class TwoWorkers
{
    /// <summary>Worker <paramref name="number"/>: five times, print "我是异步任务{number}" and sleep one second.</summary>
    public static async Task WorkAsync(int number, TextWriter output, TimeProvider time)
    {
        // A local async function named after what it is, without the Async suffix (VSTHRD200 is off in katas).
        async Task Round()
        {
            output.WriteLine($"我是异步任务{number}");
            await Task.Delay(TimeSpan.FromSeconds(1), time);
        }

        for (var round = 0; round < 5; round++)
        {
            await Round();
        }
    }

    /// <summary>Runs worker 1 and worker 2 together and returns when both are done.</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        Task Worker(int number) => WorkAsync(number, output, time);
        await Task.WhenAll(Worker(1), Worker(2));
    }
}
