using System.Globalization;

namespace AsyncKatas.K12_ConcurrentVsSequential;

/// <summary>Awaiting one three-second sleep, and timing it on the program's clock (the article's example E15).</summary>
public static class TimedWork
{
    /// <summary>The article's <c>do_work(x)</c>: prints "waiting: {x}", sleeps x seconds, returns "Done after {x} s".</summary>
    public static async Task<string> DoWorkAsync(int x, TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine($"waiting: {x}");
        await Task.Delay(TimeSpan.FromSeconds(x), time);
        return $"Done after {x} s";
    }

    /// <summary>E15: runs <c>DoWorkAsync(3)</c> to its end, then prints the result and the time it took.</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        var start = time.GetTimestamp();
        var result = await DoWorkAsync(3, output, time);
        output.WriteLine($"task result: {result}");
        output.WriteLine($"Time: {time.GetElapsedTime(start).TotalSeconds}");
    }
}
