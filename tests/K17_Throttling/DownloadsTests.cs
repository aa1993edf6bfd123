using System.Globalization;
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
            Judge.Fail(new Verdict(string.IsNullOrEmpty(run.Detail)
                    ? KataText.Text("K17.PoolBodies")
                    : KataText.Format("K17.PoolBodiesDetail", run.Detail))
                .Cause(KataText.Text("K17.Cause.PoolScheduler"))
                .Fix(KataText.Text("K17.Fix.SetScheduler")));
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
            Judge.Fail(new Verdict(KataText.Text("K17.SlotKept"))
                .Printed(run)
                .Cause(KataText.Text("K17.Cause.ReleaseOnHappyPath"))
                .Fix(KataText.Text("K17.Fix.ReleaseInFinally")));
        }
        AssertCompleted(run);
        Judge.Equal(cancelled!.Status, TaskStatus.Canceled, KataText.Text("K17.CancelledMustEndCanceled"),
            KataText.Text("K17.Fix.PassTokenToSleep"));
        Judge.Equal(limit.CurrentCount, 1, KataText.Text("K17.FreeSlotsWrong"),
            KataText.Text("K17.Fix.ReleaseOncePerSlot"));
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
                    KataText.Format("K17.WaitEndedAt", endedAt.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)))
                .Fix(KataText.Text("K17.Fix.TokenToWait")));
            Judge.Equal(waiting!.Status, TaskStatus.Canceled, KataText.Text("K17.WaitingMustEndCanceled"));
            Judge.That(!run.Output.Contains("start b.txt", StringComparison.Ordinal), () => new Verdict(KataText.Text("K17.StartedAfterCancel")).Printed(run));
            Judge.That(limit.CurrentCount == 1, () => new Verdict(KataText.Format("K17.FreeSlots", limit.CurrentCount))
                .Cause(limit.CurrentCount > 1 ? KataText.Text("K17.Cause.ReleaseWithoutWait") : null)
                .Fix(KataText.Text("K17.Fix.WaitBeforeTry")));
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
                KataText.Format("K17.StartTooSoon", most))
            .Printed(run)
            .Cause(KataText.Text("K17.Cause.StartBeforeWait"))
            .Fix(KataText.Text("K17.Fix.StartAfterWait")));
        Judge.That(most <= 2, () => new Verdict(KataText.Format("K17.TooMany", most))
            .Printed(run)
            .Fix(method == "RunAsync"
                ? KataText.Text("K17.Fix.ShareOneSemaphore")
                : KataText.Text("K17.Fix.MaxDegree")));
        Judge.That(most >= 2, () => new Verdict(KataText.Text("K17.OneAtATime"))
            .Printed(run)
            .Fix(method == "RunAsync"
                ? KataText.Text("K17.Fix.StartAllThenAwait")
                : KataText.Text("K17.Fix.MaxDegreeAndScheduler")));
    }
}
