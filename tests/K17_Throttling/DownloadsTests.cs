using AsyncKatas.K17_Throttling;

namespace AsyncKatas.Tests.K17_Throttling;

[Category("K17")]
public class DownloadsTests
{
    private static readonly double[] Timeline = [0, 0, 1, 1, 2, 2, 3, 3, 4, 5, 5];

    [Test]
    public void Semaphore_AtMostTwoAtATime_FiveDownloadsInFiveSeconds()
    {
        var run = KataLoop.Run(io => Downloads.RunAsync(io.Out, io.Time));
        Diagnose(run, "RunAsync");
        VerifyRun(run, timeline: Timeline, total: 5);
    }

    [Test]
    public void ParallelForEachAsync_PrintsTheSame_OnTheLoopsThreads()
    {
        var run = KataLoop.Run(io => Downloads.RunWithParallelForEachAsync(io.Out, io.Time, io.Threads));
        if (run.Outcome == LoopOutcome.UnknownThread || run.Lines.Any(l => l.OnUnknownThread))
        {
            Judge.Fail(new Verdict("the bodies ran on the shared thread pool, where the virtual clock cannot follow them" +
                                   (string.IsNullOrEmpty(run.Detail) ? "." : $" ({run.Detail})."))
                .Cause("Parallel.ForEachAsync runs its bodies on ParallelOptions.TaskScheduler, which is the shared thread pool unless you set it.")
                .Fix("set TaskScheduler = threads in the ParallelOptions: the loop's threads stand in for the pool."));
        }
        Diagnose(run, "RunWithParallelForEachAsync");
        VerifyRun(run, timeline: Timeline, total: 5);
    }

    [Test]
    public void Download_ThatIsCancelled_GivesItsSlotBack()
    {
        var limit = new SemaphoreSlim(1);
        Task? cancelled = null;
        var run = KataLoop.Run(async io =>
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(0.5), io.Time);
            cancelled = Downloads.DownloadAsync("x.bin", TimeSpan.FromSeconds(2), limit, io.Out, io.Time, cancel.Token);
            var next = Downloads.DownloadAsync("y.bin", TimeSpan.FromSeconds(1), limit, io.Out, io.Time);
            await Task.WhenAny(cancelled);
            await next;
        });
        if (run.Outcome == LoopOutcome.NeverCompletes)
        {
            Judge.Fail(new Verdict("y.bin never started: x.bin was cancelled at 0.5 s but kept its slot.")
                .Printed(run)
                .Cause("the slot is given back only on the happy path: a download that ends with an exception skips a Release that follows its await.")
                .Fix("take the slot with await limit.WaitAsync(cancellationToken) and give it back in a finally: try { ... } finally { limit.Release(); }."));
        }
        AssertCompleted(run);
        Judge.Equal(cancelled!.Status, TaskStatus.Canceled, "x.bin, cancelled during its download, must end Canceled.",
            "pass the token to its sleep (Task.Delay(duration, time, cancellationToken)) and let the cancellation propagate.");
        Judge.Equal(limit.CurrentCount, 1, "after both downloads the semaphore's free slots are wrong.",
            "release exactly once per slot taken: WaitAsync before the try, Release in the finally.");
        VerifyRun(run, timeline: [0, 0.5, 1.5], total: 1.5);
    }

    [Test]
    public void Download_CancelledWhileWaitingForASlot_EndsAtOnce_AndTakesNoSlot()
    {
        var limit = new SemaphoreSlim(1);
        Task? waiting = null;
        var endedAt = TimeSpan.MinValue;
        var run = KataLoop.Run(async io =>
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1), io.Time);
            var holding = Downloads.DownloadAsync("a.txt", TimeSpan.FromSeconds(3), limit, io.Out, io.Time);
            var start = io.Time.GetUtcNow();
            waiting = Downloads.DownloadAsync("b.txt", TimeSpan.FromSeconds(1), limit, io.Out, io.Time, cancel.Token);
            await Task.WhenAny(waiting);
            endedAt = io.Time.GetUtcNow() - start;
            await holding;
        });
        AssertCompleted(run);
        Judge.All(() =>
        {
            Judge.That(endedAt == TimeSpan.FromSeconds(1), () => new Verdict(
                    $"b.txt, cancelled at 1 s while it waited for a slot, ended at {endedAt.TotalSeconds:0.0} s.")
                .Fix("hand the token to the wait itself: await limit.WaitAsync(cancellationToken)."));
            Judge.Equal(waiting!.Status, TaskStatus.Canceled, "b.txt, cancelled while it waited for a slot, must end Canceled.");
            Judge.That(!run.Output.Contains("start b.txt", StringComparison.Ordinal), () => new Verdict("b.txt started although it was cancelled before it got a slot.").Printed(run));
            Judge.That(limit.CurrentCount == 1, () => new Verdict($"after both downloads the semaphore has {limit.CurrentCount} free slot(s), not 1.")
                .Cause(limit.CurrentCount > 1 ? "b.txt gave back a slot it never took: its Release ran although WaitAsync was cancelled (the wait is inside the try)." : null)
                .Fix("await limit.WaitAsync(cancellationToken) before the try; only what follows it goes inside try { ... } finally { limit.Release(); }."));
        });
    }

    /// <summary>How many downloads ran at once, and whether they ran one by one, from what the program printed.</summary>
    private static void Diagnose(LoopRun run, string method)
    {
        if (run.Outcome != LoopOutcome.Completed) return;
        int running = 0, most = 0;
        foreach (var line in run.Lines)
        {
            if (line.Text.StartsWith("start ", StringComparison.Ordinal)) most = Math.Max(most, ++running);
            else if (line.Text.StartsWith("done ", StringComparison.Ordinal)) running--;
        }
        // Two slots taken in the right place give 5 s; 5 s with more than two "start" lines at once means each printed it before its wait.
        Judge.That(most <= 2 || method != "RunAsync" || run.Elapsed != TimeSpan.FromSeconds(5), () => new Verdict(
                $"{most} downloads printed \"start\" at once, yet the program took 5 s, as two slots give: the slots held, the lines came too soon.")
            .Printed(run)
            .Cause("DownloadAsync prints \"start {name}\" before await limit.WaitAsync(cancellationToken) returns, while it still waits for a slot.")
            .Fix("print \"start {name}\" after the wait, inside the try."));
        Judge.That(most <= 2, () => new Verdict($"{most} downloads ran at once; at most 2 may.")
            .Printed(run)
            .Fix(method == "RunAsync"
                ? "share one SemaphoreSlim(2) between all the downloads (one per download limits nothing), and have each wait for it before it starts."
                : "set MaxDegreeOfParallelism = 2 in the ParallelOptions."));
        Judge.That(most >= 2, () => new Verdict("the downloads ran one at a time; two may run at once.")
            .Printed(run)
            .Fix(method == "RunAsync"
                ? "start every download first (each waits for its own slot), then await them all together (Task.WhenAll)."
                : "set MaxDegreeOfParallelism = 2 and TaskScheduler = threads in the ParallelOptions (TaskScheduler.FromCurrentSynchronizationContext() " +
                  "runs one task at a time, MaximumConcurrencyLevel 1, and that caps MaxDegreeOfParallelism)."));
    }
}
