using System.Runtime.CompilerServices;
using System.Text;
using VirtualTimeLoop;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// Checks a run of a kata program against the article: (1) the printed text against the test's
/// <c>.verified.txt</c> (the article's output, byte for byte), (2) the virtual time of every line and
/// (3) the total virtual time. On any difference it writes <c>.received.txt</c> and fails with one
/// message that shows all three, so the right text at the wrong moment still fails.
/// </summary>
public static class KataVerifier
{
    /// <param name="run">The run to check.</param>
    /// <param name="timeline">The virtual second at which each line of the article's output is printed.</param>
    /// <param name="total">The virtual seconds the whole program takes.</param>
    /// <param name="sourceFile">Filled in by the compiler: the snapshot sits beside the test.</param>
    public static void VerifyRun(LoopRun run, double[] timeline, double total, [CallerFilePath] string sourceFile = "")
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(timeline);
        var snapshot = SnapshotFile.ForCurrentTest(sourceFile);
        snapshot.DeleteReceived();
        var received = run.Output;
        var header = Header(run);

        if (run.Outcome != LoopOutcome.Completed)
        {
            snapshot.WriteReceived(received);
            FailRun(run, snapshot, sourceFile);
            return;
        }

        var verified = snapshot.ReadVerified();
        if (verified is null)
        {
            if (SnapshotFile.AcceptRequested) { snapshot.Accept(SnapshotFile.Normalize(received)); return; }
            snapshot.WriteReceived(received);
            Assert.Fail($"{header}: there is no verified snapshot {Relative(snapshot.VerifiedPath, sourceFile)} yet. " +
                        $"Write it from the article's expected output (never from a run).\nReceived: {Relative(snapshot.ReceivedPath, sourceFile)}");
            return;
        }

        var expectedLines = verified.EndsWith('\n') ? verified[..^1].Split('\n') : verified.Split('\n');
        if (verified.Length > 0 && expectedLines.Length != timeline.Length)
        {
            throw new InvalidOperationException(
                $"{header}: the test gives {timeline.Length} line times but the snapshot has {expectedLines.Length} lines.");
        }

        var expectedTimes = timeline.Select(Seconds).ToList();
        RunTimelines.Expect(expectedLines.Zip(timeline, (text, at) => new ExpectedLine(text, at)));
        var actualTimes = run.Lines.Select(l => l.At).ToList();
        var textMatches = string.Equals(verified, received, StringComparison.Ordinal);
        var timesMatch = textMatches && expectedTimes.SequenceEqual(actualTimes.Select(Round));
        var totalMatches = Round(run.Elapsed) == Seconds(total);
        var strangers = run.Lines.Where(l => l.OnUnknownThread).ToList();
        if (textMatches && timesMatch && totalMatches && strangers.Count == 0) return;

        snapshot.WriteReceived(received);
        var expectedName = run.Kata.FromArticle ? "the article's" : "the expected output";
        var verdict = new Verdict(!textMatches ? $"the output differs from {expectedName}"
            : !timesMatch ? "the right lines, printed at the wrong virtual times"
            : !totalMatches ? $"the right output at the right times, but the program took {TextDiff.Seconds(run.Elapsed)} of virtual time instead of {TextDiff.Seconds(Seconds(total))}"
            : $"the right output, but {strangers.Count} line(s) were printed from a thread the loop does not know (the shared thread pool), so their order was luck");
        verdict.Block(TextDiff.Describe(verified, received, expectedTimes, actualTimes.Select(Round).ToList(), run.Lines.Select(l => l.OutsideLoop).ToList()));
        if (textMatches && !timesMatch && run.Timeline.Lanes.Count > 0) verdict.Block(RunTimelines.Compact(run));
        if (!totalMatches)
        {
            verdict.Block($"  Total virtual time: yours {TextDiff.Seconds(run.Elapsed)}, article {TextDiff.Seconds(Seconds(total))}.");
        }
        if (strangers.Count > 0)
        {
            verdict.Causes("Task.Run (or a new Thread) ran the printing code on the shared thread pool,",
                           "a ContinueWith without a scheduler (TaskScheduler.Default) printed,",
                           "code after ConfigureAwait(false) printed on a pool thread.")
                   .Fix("keep printing code on the loop: call the work and await its task instead of handing it to Task.Run; await instead of " +
                        "ContinueWith, or give ContinueWith TaskScheduler.FromCurrentSynchronizationContext(); drop ConfigureAwait(false)" +
                        (KataAdvice.HasThreads(run.Kata) ? "; print after awaiting the threads' work, not from inside it." : "."));
        }
        else if (run.Lines.Any(l => l.OutsideLoop))
        {
            verdict.Cause("some lines were printed outside the loop: code after ConfigureAwait(false) no longer runs in the loop's order.")
                   .Fix("drop ConfigureAwait(false) in kata code.");
        }
        else if (!textMatches && ConsoleCapture.LinesOf(run).Count > 0 && run.Lines.Count < expectedLines.Length)
        {
            verdict.Cause("the missing lines were printed, but with Console.WriteLine: see below.");
        }
        KataMessage.Fail(verdict, run, $"Received: {Relative(snapshot.ReceivedPath, sourceFile)}");
    }

    /// <summary>Fails with the harness's explanation unless the run completed; for tests that check more than the output.</summary>
    public static void AssertCompleted(LoopRun run, [CallerFilePath] string sourceFile = "")
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Outcome == LoopOutcome.Completed) return;
        var snapshot = SnapshotFile.ForCurrentTest(sourceFile);
        FailRun(run, snapshot, sourceFile, writeReceived: false);
    }

    private static void FailRun(LoopRun run, SnapshotFile snapshot, string sourceFile, bool writeReceived = true)
    {
        var verdict = KataExplanation.OutcomeVerdict(run);
        if (run.Lines.Count > 0) verdict.Printed(run, "What it printed before that (virtual time in brackets)");
        KataMessage.Fail(verdict, run, writeReceived ? $"Received: {Relative(snapshot.ReceivedPath, sourceFile)}" : null);
    }

    private static string Header(LoopRun run) => Header(KataContext.CurrentKata ?? run.Kata);

    /// <summary>The first words of every failure: "K04 Tasks › TaskObjectsTests.NamedTasks_3s_2s".</summary>
    internal static string Header(Kata kata) => KataContext.Header(kata);

    private static TimeSpan Seconds(double seconds) => TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));

    private static TimeSpan Round(TimeSpan t) => TimeSpan.FromMilliseconds(Math.Round(t.TotalMilliseconds));

    /// <summary>A path relative to the repository root (the folder with Katas.sln), for messages.</summary>
    internal static string Relative(string path, string sourceFile)
    {
        var root = RepositoryRoot(sourceFile);
        return root is null ? path : Path.GetRelativePath(root, path).Replace('\\', '/');
    }

    /// <summary>The folder with Katas.sln above a source file, or null.</summary>
    internal static string? RepositoryRoot(string sourceFile)
    {
        var dir = Path.GetDirectoryName(sourceFile);
        while (dir is not null && !File.Exists(Path.Combine(dir, "Katas.sln"))) dir = Path.GetDirectoryName(dir);
        return dir;
    }
}
