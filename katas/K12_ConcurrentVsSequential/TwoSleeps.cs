namespace AsyncKatas.K12_ConcurrentVsSequential;

/// <summary>
/// Two one-second sleeps per round, five rounds: started together and then awaited (E16, 5 s), or each
/// awaited as soon as it is made (E17, 10 s).
/// </summary>
public static class TwoSleeps
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    /// <summary>E16's round: starts two one-second sleeps, then awaits both. One second in all.</summary>
    public static async Task ConcurrentRoundAsync(TimeProvider time)
    {
        // Deliberately naive: each sleep is awaited the moment it is made, so the second one only starts
        // when the first is over and the round takes two seconds. Make the two sleeps overlap.
        await Task.Delay(OneSecond, time);
        await Task.Delay(OneSecond, time);
    }

    /// <summary>E17's round: awaits each one-second sleep as soon as it is made. Two seconds in all.</summary>
    public static async Task SequentialRoundAsync(TimeProvider time)
    {
        await Task.Delay(OneSecond, time);
        await Task.Delay(OneSecond, time);
    }

    /// <summary>
    /// Runs <paramref name="round"/> five times, one round after the other, then prints
    /// "异步所花费的时间: {seconds} s" with the time taken on <paramref name="time"/> and six decimals (Python's %f).
    /// </summary>
    public static Task TimeFiveRoundsAsync(Func<Task> round, TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Take a timestamp on the injected clock, await round() five times in a row, then print \"异步所花费的时间: {seconds} s\" with six decimals. / " +
            "在注入的时钟上记下一个时间戳，连续 await round() 五次，然后打印 \"异步所花费的时间: {seconds} s\"，保留六位小数。");
    }

    /// <summary>E16: five concurrent rounds, timed.</summary>
    public static Task RunConcurrentAsync(TextWriter output, TimeProvider time) =>
        TimeFiveRoundsAsync(() => ConcurrentRoundAsync(time), output, time);

    /// <summary>E17: five sequential rounds, timed.</summary>
    public static Task RunSequentialAsync(TextWriter output, TimeProvider time) =>
        TimeFiveRoundsAsync(() => SequentialRoundAsync(time), output, time);
}
