using VirtualTimeLoop;

/// <summary>
/// What n concurrent sleeps cost on the loop, in figures that do not depend on the machine's load:
/// the process's CPU time, the bytes allocated (per sleep, split into starting the sleeps and firing
/// them), the collections of each generation and the GC's pause time during the run. One line per
/// repetition, after a warm-up run (`--profile [n] [repetitions]`, default 100,000 and 5).
/// </summary>
internal static class SleepsProfile
{
    public static void Print(int n, int repetitions)
    {
        Run(1_000);
        Console.WriteLine($"| {n:N0} sleeps | CPU (ms) | wall (ms) | B/sleep starting | B/sleep firing | gen0 / gen1 / gen2 | GC pause (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        for (var i = 1; i <= repetitions; i++)
        {
            var r = Run(n);
            Console.WriteLine($"| run {i} | {r.CpuMs:0.0} | {r.WallMs:0.0} | {r.StartBytes / (double)n:0} | {r.FireBytes / (double)n:0} | " +
                $"{r.Gen0} / {r.Gen1} / {r.Gen2} | {r.PauseMs:0.0} |");
        }
    }

    private static Result Run(int n)
    {
        var woke = 0;
        long startBytes = 0, afterStart = 0;
        var options = LoopOptions.Default with { BusyBudget = TimeSpan.FromMinutes(1), WaitBudget = TimeSpan.FromMinutes(1) };
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var gen = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        var pause = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes(true);
        var cpu = Environment.CpuUsage.TotalTime;
        var run = VirtualLoop.Run("profile", io =>
        {
            startBytes = GC.GetAllocatedBytesForCurrentThread();
            var all = Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(1 + i), io.Time);
                woke++;
            }));
            afterStart = GC.GetAllocatedBytesForCurrentThread();
            return all;
        }, options);
        var cpuMs = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
        var total = GC.GetTotalAllocatedBytes(true) - allocated;
        if (run.Outcome != LoopOutcome.Completed || woke != n) throw new InvalidOperationException(run.Explain());
        return new Result(cpuMs, run.WallTime.TotalMilliseconds, afterStart - startBytes, total - (afterStart - startBytes),
            GC.CollectionCount(0) - gen[0], GC.CollectionCount(1) - gen[1], GC.CollectionCount(2) - gen[2],
            (GC.GetTotalPauseDuration() - pause).TotalMilliseconds);
    }

    private readonly record struct Result(double CpuMs, double WallMs, long StartBytes, long FireBytes, int Gen0, int Gen1, int Gen2, double PauseMs);
}
