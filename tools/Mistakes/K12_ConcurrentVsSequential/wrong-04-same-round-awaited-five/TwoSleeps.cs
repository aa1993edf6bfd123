namespace AsyncKatas.K12_ConcurrentVsSequential;

/// <summary>Two one-second sleeps per round, five rounds: concurrent (E16, 5 s) or sequential (E17, 10 s).</summary>
public static class TwoSleeps
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    /// <summary>E16's round: starts two one-second sleeps, then awaits both. One second in all.</summary>
    public static async Task ConcurrentRoundAsync(TimeProvider time)
    {
        var first = Task.Delay(OneSecond, time);
        var second = Task.Delay(OneSecond, time);
        await first;
        await second;
    }

    /// <summary>E17's round: awaits each one-second sleep as soon as it is made. Two seconds in all.</summary>
    public static async Task SequentialRoundAsync(TimeProvider time)
    {
        await Task.Delay(OneSecond, time);
        await Task.Delay(OneSecond, time);
    }

    /// <summary>Runs <paramref name="round"/> five times, one after the other, then prints the time taken with six decimals.</summary>
    public static async Task TimeFiveRoundsAsync(Func<Task> round, TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        var start = time.GetTimestamp();
        var oneRound = round();
        for (var i = 0; i < 5; i++)
        {
            await oneRound; // run the round again
        }
        output.WriteLine($"异步所花费的时间: {time.GetElapsedTime(start).TotalSeconds:F6} s");
    }

    /// <summary>E16: five concurrent rounds, timed.</summary>
    public static Task RunConcurrentAsync(TextWriter output, TimeProvider time) =>
        TimeFiveRoundsAsync(() => ConcurrentRoundAsync(time), output, time);

    /// <summary>E17: five sequential rounds, timed.</summary>
    public static Task RunSequentialAsync(TextWriter output, TimeProvider time) =>
        TimeFiveRoundsAsync(() => SequentialRoundAsync(time), output, time);
}
