using System.Diagnostics;
using System.Globalization;
using VirtualTimeLoop;
using Microsoft.Extensions.Time.Testing;

// n concurrent sleeps with n distinct due times (1 ms apart), each counted when it wakes up.
// 1. on the virtual loop (its own timer queue, time jumps from due time to due time);
// 2. on a plain FakeTimeProvider advanced timer by timer (Advance to each due time in turn), which is
//    what a test must do to see each wake-up at its own time.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [1_000, 10_000, 100_000];
var plainBudget = TimeSpan.FromSeconds(60);

Console.WriteLine("| concurrent sleeps | virtual loop (ms) | plain FakeTimeProvider, timer by timer (ms) |");
Console.WriteLine("|---:|---:|---:|");
double? lastPlainMs = null;
int lastPlainN = 0;
foreach (var n in sizes)
{
    Loop(Math.Min(n, 1000)); // warm-up
    var loopMs = Loop(n);
    string plain;
    var projected = lastPlainMs is { } ms ? ms * Math.Pow((double)n / lastPlainN, 2) : 0;
    if (projected > plainBudget.TotalMilliseconds)
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
    Console.WriteLine($"| {n:N0} | {loopMs:0.0} | {plain} |");
}

static double Loop(int n)
{
    var woke = 0;
    var run = VirtualLoop.Run("bench", io => Task.WhenAll(Enumerable.Range(0, n).Select(async i =>
    {
        await Task.Delay(TimeSpan.FromMilliseconds(1 + i), io.Time);
        woke++;
    })));
    if (run.Outcome != LoopOutcome.Completed || woke != n) throw new InvalidOperationException(run.Explain());
    return run.WallTime.TotalMilliseconds;
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
