namespace AsyncKatas.K01_EventLoop;

/// <summary>Two workers that take turns on one event loop (the article's first example).</summary>
public static class TwoWorkers
{
    /// <summary>Worker <paramref name="number"/>: five times, print "我是异步任务{number}" and sleep one second.</summary>
    public static Task WorkAsync(int number, TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Print \"我是异步任务{number}\" and sleep one second, five times. Sleep with the injected clock: Task.Delay(delay, time). " +
            "/ 打印 \"我是异步任务{number}\" 并休眠一秒，共五次。用注入的时钟休眠：Task.Delay(delay, time)。");
    }

    /// <summary>Runs worker 1 and worker 2 together and returns when both are done.</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        // Deliberately naive: worker 2 does not start before worker 1 has finished. Make them take turns.
        await WorkAsync(1, output, time);
        await WorkAsync(2, output, time);
    }
}
