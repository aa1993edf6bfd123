using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using VirtualTimeLoop;
using VirtualTimeLoop.FakeTime;

/// <summary>
/// What one small test costs: a program that sleeps one virtual second, run n times on the loop
/// (each run a loop of its own, checked for Completed), beside the same test on a plain
/// FakeTimeProvider (start the delay, Advance one second, check it completed), in the same process.
/// Each figure is the median of five batches of n, after a warm-up batch.
/// </summary>
internal static class PerRun
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    public static void Print(int n)
    {
        var loopSync = Median(n, () => Loop());
        var loopAsync = Median(n, () => LoopAsync().GetAwaiter().GetResult());
        var onFake = Median(n, () => LoopOnFakeTime());
        var plain = Median(n, () => Plain());
        Console.WriteLine("| one-sleep test, per run | µs (median of 5 batches) |");
        Console.WriteLine("|---|---:|");
        Console.WriteLine($"| virtual loop, `VirtualLoop.Run` | {loopSync:0.0} |");
        Console.WriteLine($"| virtual loop, `await VirtualLoop.RunAsync` | {loopAsync:0.0} |");
        Console.WriteLine($"| virtual loop, `VirtualLoop.Run`, sleeping on `io.FakeTime()` (the kata tests' clock) | {onFake:0.0} |");
        Console.WriteLine($"| plain FakeTimeProvider, `Advance` by hand | {plain:0.0} |");
        Console.WriteLine();
        Console.WriteLine($"{n:N0} runs per batch.");
    }

    private static double Median(int n, Action test)
    {
        for (var i = 0; i < n; i++) test(); // warm-up
        var batches = new double[5];
        for (var b = 0; b < batches.Length; b++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < n; i++) test();
            batches[b] = watch.Elapsed.TotalMicroseconds / n;
        }
        Array.Sort(batches);
        return batches[batches.Length / 2];
    }

    private static void Loop()
    {
        var run = VirtualLoop.Run(io => Task.Delay(OneSecond, io.Time));
        if (run.Outcome != LoopOutcome.Completed) throw new InvalidOperationException(run.Explain());
    }

    private static void LoopOnFakeTime()
    {
        var run = VirtualLoop.Run(io => Task.Delay(OneSecond, io.FakeTime()));
        if (run.Outcome != LoopOutcome.Completed) throw new InvalidOperationException(run.Explain());
    }

    private static async Task LoopAsync()
    {
        var run = await VirtualLoop.RunAsync(io => Task.Delay(OneSecond, io.Time));
        if (run.Outcome != LoopOutcome.Completed) throw new InvalidOperationException(run.Explain());
    }

    private static void Plain()
    {
        var time = new FakeTimeProvider();
        var delay = Task.Delay(OneSecond, time);
        time.Advance(OneSecond);
        if (!delay.IsCompletedSuccessfully) throw new InvalidOperationException("the delay did not complete");
    }
}
