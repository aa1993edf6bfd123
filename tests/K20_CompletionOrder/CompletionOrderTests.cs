using AsyncKatas.K20_CompletionOrder;

namespace AsyncKatas.Tests.K20_CompletionOrder;

[Category("K20")]
public class CompletionOrderTests
{
    [Test]
    public void ThreeDownloads_AreReportedAsTheyEnd_AtOneTwoAndThreeSeconds()
    {
        var run = KataLoop.Run(io => CompletionOrder.RunAsync(io.Out, io.Time));
        FailIfAFailureEscaped(run);
        FailIfTheLoopStoppedAtAFailure(run, downloads: 3);
        FailIfAnAggregateIsReported(run);
        FailIfAReportRepeats(run);
        VerifyRun(run, timeline: [1, 2, 3, 3], total: 3);
    }

    [Test]
    public void FiveDownloads_StartedInAnyOrder_AreReportedInTheOrderTheyEnd()
    {
        // Started 5, 1, 4, 2, 3 seconds long; "d" fails at 2 s.
        var run = RunDownloads([("a", 5, false), ("b", 1, false), ("c", 4, false), ("d", 2, true), ("e", 3, false)]);
        JudgeReports(run, [("got b: 1000 bytes", 1), ("failed d: connection reset", 2), ("got e: 3000 bytes", 3),
                           ("got c: 4000 bytes", 4), ("got a: 5000 bytes", 5)], returnedAt: 5);
    }

    [Test]
    public void DownloadsThatHaveAlreadyEnded_AreReportedAtOnce_InTheirOrder()
    {
        var run = KataLoop.Run(async io =>
        {
            Task<string>[] downloads =
            [
                Task.FromResult("got-it: 10 bytes"),
                Task.FromException<string>(new IOException("gone: connection reset")),
                Task.FromResult("cached: 20 bytes"),
            ];
            await CompletionOrder.PrintAsCompletedAsync(downloads, io.Out);
            io.Out.WriteLine("returned");
        });
        JudgeReports(run, [("got got-it: 10 bytes", 0), ("failed gone: connection reset", 0), ("got cached: 20 bytes", 0)], returnedAt: 0);
    }

    [Test]
    public void WhenEveryDownloadFails_EachFailureIsReported_AndNothingIsThrown()
    {
        var run = RunDownloads([("x", 2, true), ("y", 1, true)]);
        JudgeReports(run, [("failed y: connection reset", 1), ("failed x: connection reset", 2)], returnedAt: 2);
    }

    /// <summary>Starts one FetchAsync per (name, seconds, fails) in that order, reports them, then prints "returned".</summary>
    private static LoopRun RunDownloads((string Name, int Seconds, bool Fails)[] downloads) =>
        KataLoop.Run(async io =>
        {
            var tasks = downloads.Select(d => CompletionOrder.FetchAsync(d.Name, d.Seconds, io.Time, d.Fails)).ToList();
            await CompletionOrder.PrintAsCompletedAsync(tasks, io.Out);
            io.Out.WriteLine("returned");
        });

    /// <summary>The reports, each at the moment its download ended, and the return right after the last one.</summary>
    private static void JudgeReports(LoopRun run, (string Text, double At)[] expected, double returnedAt)
    {
        FailIfAFailureEscaped(run);
        FailIfAReportRepeats(run);
        FailIfTheLoopStoppedAtAFailure(run, expected.Length);
        FailIfAnAggregateIsReported(run);
        AssertCompleted(run);
        var printed = TimedLines.Of(run);
        var wanted = TimedLines.Expected([.. expected, ("returned", returnedAt)]);
        var sameLines = printed.Select(TimedLines.Text).Order().SequenceEqual(wanted.Select(TimedLines.Text).Order());
        Judge.Sequence(printed, wanted,
            sameLines
                ? "the right reports, but in another order or at other moments: each download must be reported the moment it ends (virtual time in brackets)."
                : "the reports differ from what the downloads gave (virtual time in brackets; \"returned\" is printed by the test after your method returns).",
            sameLines
                ? "wait for whichever download ends next, not for the next one in the list: await foreach over Task.WhenEach(downloads), " +
                  "or a loop of Task.WhenAny over the downloads still running."
                : "print \"got {result}\" for a download that succeeded and \"failed {message}\" for one that threw an IOException, once each, " +
                  "and return when the last one has been reported.");
    }

    /// <summary>A failure reported with the AggregateException's message (task.Exception, .Wait()) instead of the IOException's.</summary>
    private static void FailIfAnAggregateIsReported(LoopRun run)
    {
        if (run.Lines.FirstOrDefault(l => l.Text.StartsWith("failed One or more errors occurred", StringComparison.Ordinal)) is not { } whole) return;
        Judge.Fail(new Verdict($"a failure was reported with an AggregateException's message: \"{Listing.Shorten(whole.Text)}\".")
            .Printed(run)
            .Cause("task.Exception (and a blocking Wait) wraps the download's IOException in an AggregateException; its Message is a summary.")
            .Fix("await the finished task inside try { ... } catch (IOException error): await rethrows the IOException itself; print error.Message."));
    }

    /// <summary>Reports that end with a failure, fewer than the downloads, and the method returned at that instant: the loop stopped there.</summary>
    private static void FailIfTheLoopStoppedAtAFailure(LoopRun run, int downloads)
    {
        var reports = run.Lines.Where(l => l.Text.StartsWith("got ", StringComparison.Ordinal) || l.Text.StartsWith("failed ", StringComparison.Ordinal)).ToList();
        if (reports.Count == 0 || reports.Count >= downloads || !reports[^1].Text.StartsWith("failed ", StringComparison.Ordinal)) return;
        if (run.Lines.FirstOrDefault(l => l.Text is "returned" or "all done") is not { } end || end.At != reports[^1].At) return;
        Judge.Fail(new Verdict($"the reports stopped at the first failure (\"{Listing.Shorten(reports[^1].Text)}\" at {reports[^1].At.TotalSeconds:0.#} s): " +
                               $"{downloads - reports.Count} download(s) still running were never reported, and the method returned then.")
            .Printed(run)
            .Cause("the try/catch is around the whole loop: the failure's exception leaves the loop, and the catch after it ends the method.")
            .Fix("put the try/catch inside the loop, around the await of each finished download, so that the loop goes on with the next one."));
    }

    /// <summary>The same download reported more than once: the WhenAny loop that keeps the finished task.</summary>
    private static void FailIfAReportRepeats(LoopRun run)
    {
        var repeated = run.Lines.GroupBy(l => l.Text).FirstOrDefault(g => g.Key != "returned" && g.Key != "all done" && g.Count() > 1);
        if (repeated is null) return;
        Judge.Fail(new Verdict($"one download was reported {repeated.Count():N0} times: \"{Listing.Shorten(repeated.Key)}\"" +
                               (run.Outcome == LoopOutcome.LoopBlocked ? ", over and over at one instant, until the run was stopped." : "."))
            .Printed(run)
            .Cause("Task.WhenAny(downloads) returns the first finished task of the list, the same one on every call while it stays in the list.")
            .Fix("remove the task WhenAny returned before the next call (remaining.Remove(finished)), or use await foreach over Task.WhenEach(downloads), " +
                 "which hands each task back once."));
    }

    /// <summary>A download's IOException that left the program: the kata's cause and fix, not only the stack.</summary>
    private static void FailIfAFailureEscaped(LoopRun run)
    {
        if (run.Outcome != LoopOutcome.ProgramFailed) return;
        var error = run.Exception is AggregateException all ? all.InnerExceptions.FirstOrDefault() : run.Exception;
        if (error is not IOException) return;
        Judge.Fail(new Verdict($"a download's failure escaped from PrintAsCompletedAsync: {error.GetType().Name}: {error.Message}")
            .Printed(run, "What it printed before that (virtual time in brackets)")
            .Cause("awaiting a task that failed (await task, task.Result, Task.WhenAll) rethrows its exception; " +
                   "Task.WhenEach and Task.WhenAny themselves never throw for it, they hand you the finished task.")
            .Fix("await each finished download inside try { ... } catch (IOException error) and print \"failed {error.Message}\" there; then go on with the next one.")
            .At(KataExplanation.KataFrame(run.Exception)));
    }
}
