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
        if (run.Outcome != LoopOutcome.Completed)
        {
            var snapshot = SnapshotFile.ForCurrentTest(sourceFile);
            snapshot.DeleteReceived();
            snapshot.WriteReceived(run.Output);
            FailRun(run, snapshot, sourceFile);
            return;
        }
        Verify(new ProgramOutput(run.Kata, run.Output, run.Lines, run.Elapsed), timeline, total, sourceFile, run);
    }

    /// <summary>Checks what a program printed on a loop of its own (K14: the learner's loop), as <see cref="VerifyRun(LoopRun, double[], double, string)"/> does a run's.</summary>
    /// <param name="output">What the program printed, when, and the virtual time it took.</param>
    /// <param name="timeline">The virtual second at which each line of the article's output is printed.</param>
    /// <param name="total">The virtual seconds the whole program takes.</param>
    /// <param name="sourceFile">Filled in by the compiler: the snapshot sits beside the test.</param>
    public static void VerifyRun(ProgramOutput output, double[] timeline, double total, [CallerFilePath] string sourceFile = "")
    {
        ArgumentNullException.ThrowIfNull(output);
        Verify(output, timeline, total, sourceFile, loopRun: null);
    }

    private static void Verify(ProgramOutput run, double[] timeline, double total, string sourceFile, LoopRun? loopRun)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var snapshot = SnapshotFile.ForCurrentTest(sourceFile);
        snapshot.DeleteReceived();
        var received = run.Output;
        var header = Header(KataContext.CurrentKata ?? run.Kata);

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
        // Lines printed from the shared pool come first: whether their order happened to match depends on the
        // machine (its processor count, its load), and a verdict never does.
        var verdict = new Verdict(strangers.Count > 0 ? KataText.Format("Verifier.PrintedOffTheLoop", strangers.Count)
            : !textMatches ? KataText.Text(run.Kata.FromArticle ? "Verifier.TextDiffers.Article" : "Verifier.TextDiffers")
            : !timesMatch ? KataText.Text("Verifier.WrongTimes")
            : KataText.Format("Verifier.WrongTotal", TextDiff.Seconds(run.Elapsed), TextDiff.Seconds(Seconds(total))));
        verdict.Block(TextDiff.Describe(verified, received, expectedTimes, actualTimes.Select(Round).ToList(), run.Lines.Select(l => l.OutsideLoop).ToList()));
        if (textMatches && !timesMatch && loopRun is { Timeline.Lanes.Count: > 0 }) verdict.Block(RunTimelines.Compact(loopRun));
        if (!totalMatches)
        {
            verdict.Block("  " + KataText.Format("Verifier.Total", TextDiff.Seconds(run.Elapsed), TextDiff.Seconds(Seconds(total))));
        }
        if (strangers.Count > 0)
        {
            verdict.Causes(KataText.Text("Cause.PrintedFromTaskRun"), KataText.Text("Cause.PrintedFromContinueWith"), KataText.Text("Cause.PrintedAfterConfigureAwait"))
                   .Fix(KataText.Text(KataAdvice.HasThreads(run.Kata) ? "Fix.KeepPrintingOnTheLoop.Threads" : "Fix.KeepPrintingOnTheLoop"));
        }
        else if (run.Lines.Any(l => l.OutsideLoop))
        {
            verdict.Cause(KataText.Text("Cause.PrintedOutsideTheLoop")).Fix(KataText.Text("Fix.DropConfigureAwaitFalse"));
        }
        else if (!textMatches && loopRun is not null && ConsoleCapture.LinesOf(loopRun).Count > 0 && run.Lines.Count < expectedLines.Length)
        {
            verdict.Cause(KataText.Text("Cause.PrintedWithConsole"));
        }
        KataMessage.Fail(verdict, loopRun, KataText.Format("Verifier.Received", Relative(snapshot.ReceivedPath, sourceFile)));
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
        if (run.Lines.Count > 0) verdict.Printed(run, KataText.Text("Verdict.PrintedBefore"));
        KataMessage.Fail(verdict, run, writeReceived ? KataText.Format("Verifier.Received", Relative(snapshot.ReceivedPath, sourceFile)) : null);
    }

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
