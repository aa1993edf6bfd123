namespace AsyncKatas.K12_ConcurrentVsSequential;

/// <summary>Awaiting one three-second sleep, and timing it on the program's clock (the article's example E15).</summary>
public static class TimedWork
{
    /// <summary>The article's <c>do_work(x)</c>: prints "waiting: {x}", sleeps x seconds, returns "Done after {x} s".</summary>
    public static Task<string> DoWorkAsync(int x, TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Print \"waiting: {x}\", sleep x seconds on the injected clock (Task.Delay(delay, time)), and return \"Done after {x} s\". / " +
            "打印 \"waiting: {x}\"，在注入的时钟上休眠 x 秒（Task.Delay(delay, time)），然后返回 \"Done after {x} s\"。");
    }

    /// <summary>
    /// E15: runs <c>DoWorkAsync(3)</c> to its end, then prints "task result: {result}" and "Time: {seconds}",
    /// the time it took on <paramref name="time"/>, as Python prints a float ("3.0").
    /// </summary>
    public static Task RunAsync(TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Take a timestamp on the injected clock, await DoWorkAsync(3, ...), then print \"task result: {result}\" and \"Time: {seconds}\" (3.0). / " +
            "在注入的时钟上记下一个时间戳，await DoWorkAsync(3, ...)，然后打印 \"task result: {result}\" 和 \"Time: {seconds}\"（3.0）。");
    }
}
