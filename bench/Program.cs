using System.Diagnostics;
using System.Globalization;
using VirtualTimeLoop;
using Microsoft.Extensions.Time.Testing;

// n concurrent sleeps with n distinct due times (1 ms apart), each counted when it wakes up.
// 1. on the virtual loop (its own timer queue, time jumps from due time to due time): the median of
//    three runs, wall time and the process's CPU time during the run;
// 2. on a plain FakeTimeProvider advanced timer by timer (Advance to each due time in turn), which is
//    what a test must do to see each wake-up at its own time; skipped when its n² growth would take
//    longer than a minute.
// `--loop-only` skips 2 (for profiling the loop).
// `--profile [n] [repetitions]` instead prints CPU time, bytes allocated per sleep, collections and GC
// pauses of n sleeps on the loop (figures that hold under load: see PROFILE.md).
// `--per-run [n]` instead measures what one small test costs: n runs (default 1,000) of a one-sleep
// program on the loop, beside the same test on a plain FakeTimeProvider (Advance by hand), same process.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (args.Contains("--profile"))
{
    var counts = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).ToArray();
    SleepsProfile.Print(counts.Length > 0 ? counts[0] : 100_000, counts.Length > 1 ? counts[1] : 5);
    return;
}
if (args.Contains("--per-run"))
{
    PerRun.Print(args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).DefaultIfEmpty(1_000).First());
    return;
}
var loopOnly = args.Contains("--loop-only");
var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).ToArray();
var sizes = numbers.Length > 0 ? numbers : [1_000, 10_000, 100_000, 1_000_000];
var plainBudget = TimeSpan.FromSeconds(60);

Console.WriteLine("| concurrent sleeps | virtual loop: wall (ms) | virtual loop: CPU (ms) | plain FakeTimeProvider, timer by timer: wall (ms) |");
Console.WriteLine("|---:|---:|---:|---:|");
double? lastPlainMs = null;
var lastPlainN = 0;
Loop(1000); // warm-up
foreach (var n in sizes)
{
    var runs = Enumerable.Range(0, 3).Select(_ => Loop(n)).OrderBy(r => r.WallMs).ToArray();
    var median = runs[1];
    string plain;
    var projected = lastPlainMs is { } ms ? ms * Math.Pow((double)n / lastPlainN, 2) : 0;
    if (loopOnly)
    {
        plain = "not run (--loop-only)";
    }
    else if (projected > plainBudget.TotalMilliseconds)
    {
        plain = $"not run: projected ~{projected / 1000:0} s (grows as n²)";
    }
    else
    {
        Plain(Math.Min(n, 1000));
        var plainMs = Plain(n);
        lastPlainMs = plainMs;
        lastPlainN = n;
        plain = $"{plainMs:0.0}";
    }
    Console.WriteLine($"| {n:N0} | {median.WallMs:0.0} | {median.CpuMs:0.0} | {plain} |");
}

static (double WallMs, double CpuMs) Loop(int n)
{
    var woke = 0;
    // Starting a million sleeps is one long step on the loop: give it more than the default budget.
    var options = LoopOptions.Default with { BusyBudget = TimeSpan.FromMinutes(1), WaitBudget = TimeSpan.FromMinutes(1) };
    var cpu = Environment.CpuUsage.TotalTime; // the process's: the bench runs one thing at a time
    var run = VirtualLoop.Run("bench", io => Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
    {
        await Task.Delay(TimeSpan.FromMilliseconds(1 + i), io.Time);
        woke++;
    })), options);
    if (run.Outcome != LoopOutcome.Completed || woke != n) throw new InvalidOperationException(run.Explain());
    return (run.WallTime.TotalMilliseconds, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
}

static double Plain(int n)
{
    var time = new FakeTimeProvider();
    var woke = 0;
    var watch = Stopwatch.StartNew();
    var all = Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
    {
        await Task.Delay(TimeSpan.FromMilliseconds(1 + i), time);
        Interlocked.Increment(ref woke);
    }));
    for (var i = 0; i < n; i++) time.Advance(TimeSpan.FromMilliseconds(1));
    if (!all.IsCompleted || woke != n) throw new InvalidOperationException($"plain: {woke} of {n} woke up");
    return watch.Elapsed.TotalMilliseconds;
}
