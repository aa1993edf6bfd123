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

    /// <summary>
    /// E15: runs <c>DoWorkAsync(3)</c> to its end, then prints "task result: {result}" and "Time: {seconds}",
    /// the time it took on <paramref name="time"/>, as Python prints a float ("3.0").
    /// </summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        var start = time.GetTimestamp();
        var result = await DoWorkAsync(3, output, time);
        output.WriteLine($"task result: {result}");
        // Virtual times are whole milliseconds: three decimals at most, and at least one, as Python shows 3.0.
        output.WriteLine($"Time: {time.GetElapsedTime(start).TotalSeconds:0.0##}");
    }
}
