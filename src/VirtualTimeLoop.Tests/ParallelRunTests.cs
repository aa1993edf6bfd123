using System.Diagnostics;

namespace VirtualTimeLoop.Tests;

/// <summary>
/// Runs on several threads at once are each judged on their own evidence: eight runs at a time, each
/// a different mistake or a correct program, a hundred times over, and every run gets its own outcome.
/// The mistakes that trip a real-time guard get short budgets of their own; the correct programs keep
/// the defaults, so a loaded machine slows them without failing them.
/// </summary>
public class ParallelRunTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    private sealed record Case(string Name, LoopOutcome Expected, Func<LoopEnvironment, Task> Program, LoopOptions Options, string? Output = null);

    [Test]
    public async Task Eight_runs_at_once_each_get_their_own_outcome_a_hundred_times_over()
    {
        using var realTimers = new CancellationTokenSource(); // takes the real timers the mistakes arm off the process at the end
        using var gate = new ManualResetEventSlim();           // releases the threads the blocking mistakes hold
        var cases = new Case[]
        {
            new("correct", LoopOutcome.Completed, async io =>
            {
                for (var i = 1; i <= 3; i++)
                {
                    await Task.Delay(OneSecond, io.Time);
                    io.Out.WriteLine($"tick {i}");
                }
            }, LoopOptions.Default, "tick 1\ntick 2\ntick 3\n"),
            new("correct Task.Run", LoopOutcome.Completed, async io =>
            {
                var answer = await Task.Run(async () =>
                {
                    await Task.Delay(2 * OneSecond, io.Time);
                    return 42;
                });
                io.Out.WriteLine($"{answer} at {io.Time.Elapsed().TotalSeconds} s");
            }, LoopOptions.Default, "42 at 2 s\n"),
            new("real-clock timer", LoopOutcome.RealClockWait,
                async _ => await Task.Delay(TimeSpan.FromSeconds(30), realTimers.Token), // the mistake under test
                LoopOptions.Default),
            new("real timeout racing a virtual delay", LoopOutcome.RealClockWait,
                async io => await Task.WhenAny(Task.Delay(TimeSpan.FromSeconds(30), realTimers.Token), Task.Delay(5 * OneSecond, io.Time)), // the mistake under test
                LoopOptions.Default),
            new("blocked loop", LoopOutcome.LoopBlocked, io =>
            {
                gate.Wait(); // the mistake under test: blocks the loop thread
                return Task.CompletedTask;
            }, LoopOptions.Default with { WaitBudget = TimeSpan.FromMilliseconds(50) }),
            new("leftover timer", LoopOutcome.LeftoverWork, async io =>
            {
                _ = Task.Delay(5 * OneSecond, io.Time);
                await Task.Delay(OneSecond, io.Time);
            }, LoopOptions.Default),
            new("deadlock", LoopOutcome.NeverCompletes, async _ => await new TaskCompletionSource().Task,
                LoopOptions.Default with { IdleSettle = TimeSpan.FromMilliseconds(20) }),
            new("stalled shared pool", LoopOutcome.SharedPoolStalled, async _ => await Task.Run(() => gate.Wait()), // the mistake under test
                LoopOptions.Default with { SharedPoolBudget = TimeSpan.FromMilliseconds(50) }),
        };

        var wall = Stopwatch.StartNew();
        var wrong = new List<string>();
        try
        {
            for (var round = 0; round < 100; round++)
            {
                gate.Reset();
                var runs = cases.Select(c => VirtualLoop.RunAsync(c.Name, c.Program, c.Options)).ToArray();
                // The blocking mistakes are reported within their budgets; then their threads are let go.
                var blocked = runs.Where((_, i) => cases[i].Expected is LoopOutcome.LoopBlocked or LoopOutcome.SharedPoolStalled);
                await Task.WhenAll(blocked);
                gate.Set();
                var results = await Task.WhenAll(runs);
                for (var i = 0; i < cases.Length; i++)
                {
                    var (expected, run) = (cases[i], results[i]);
                    if (run.Outcome != expected.Expected || (expected.Output is { } output && run.Output != output))
                    {
                        wrong.Add($"round {round}: {run.Explain()}");
                    }
                }
            }
        }
        finally
        {
            gate.Set();
            await realTimers.CancelAsync();
        }
        TestContext.Out.WriteLine($"800 runs, 8 at a time: {wall.Elapsed.TotalSeconds:0.0} s of wall time");
        Assert.That(wrong, Is.Empty, string.Join("\n", wrong.Take(5)));
    }
}
