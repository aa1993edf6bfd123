using AsyncKatas.K05_WaitAndGather;

namespace AsyncKatas.Tests.K05_WaitAndGather;

[Category("K05")]
public class ThreeTasksTests
{
    [Test]
    public void DoWork_PrintsWaiting_ThenReturnsItsResultXSecondsLater()
    {
        var run = KataLoop.Run(async io =>
        {
            var result = await ThreeTasks.DoWorkAsync(2, io.Out, io.Time);
            io.Out.WriteLine(result); // the test prints the value DoWorkAsync returned
        });
        VerifyRun(run, timeline: [0, 2], total: 2);
    }

    [TestCase(1500, "Time: 1.5")]
    [TestCase(3000, "Time: 3.0")]
    [TestCase(250, "Time: 0.25")]
    public void Timed_PrintsTheElapsedVirtualTime_AsPythonPrintsAFloat(int milliseconds, string expected)
    {
        var run = KataLoop.Run(io => ThreeTasks.TimedAsync(
            () => Task.Delay(TimeSpan.FromMilliseconds(milliseconds), io.Time), io.Out, io.Time));
        AssertCompleted(run);
        Judge.That(run.Output == expected + "\n", () => new Verdict(KataText.Format("K05.TimedPrintsOneLine", milliseconds, expected))
            .Printed(run)
            .Fix(KataText.Text("K05.Fix.PrintTheElapsedTime")));
        Judge.Equal(run.Lines[0].At, TimeSpan.FromMilliseconds(milliseconds), KataText.Text("K05.TimeLineNotAtTheEnd"),
            KataText.Text("K05.Fix.AwaitMainFirst"));
    }

    [Test]
    public void ThreeTasks_RunTogether_ResultsInOrder_InThreeSeconds()
    {
        var run = KataLoop.Run(io => ThreeTasks.RunAsync(io.Out, io.Time));
        FailIfAResultCameBeforeAllWereDone(run);
        VerifyRun(run, timeline: [0, 0, 0, 3, 3, 3, 3], total: 3);
    }

    /// <summary>A "task result" line before 3 s, in a run that took 3 s: results printed while the others were still running.</summary>
    private static void FailIfAResultCameBeforeAllWereDone(LoopRun run)
    {
        var early = run.Lines.Where(l => l.Text.StartsWith("task result:", StringComparison.Ordinal) && l.At < TimeSpan.FromSeconds(3)).ToList();
        if (run.Outcome != LoopOutcome.Completed || run.Elapsed != TimeSpan.FromSeconds(3) || early.Count == 0) return;
        Judge.Fail(new Verdict(KataText.Format("K05.ResultsBeforeAllDone", early.Count, TextDiff.Seconds(early[0].At)))
            .Printed(run)
            .Cause(KataText.Text("K05.Cause.PrintedAsEachEnds"))
            .Fix(KataText.Text("K05.Fix.WhenAllThenPrint")));
    }

    [Test]
    public void NamedTasks_AreAllStartedAtOnce_WithTheirNames()
    {
        IReadOnlyList<NamedTask>? named = null;
        var printedWhenStarted = "";
        var doneWhenStarted = -1;
        var run = KataLoop.Run(async io =>
        {
            named = ThreeTasks.StartNamedTasks(io.Out, io.Time);
            printedWhenStarted = io.PrintedSoFar;
            doneWhenStarted = named.Count(n => n.Task.IsCompleted);
            await Task.WhenAll(named.Select(n => n.Task));
        });
        AssertCompleted(run);
        Judge.All(() =>
        {
            Judge.Sequence(named!.Select(n => n.Name), ["MY_COROUTINE_1", "MY_COROUTINE_2", "MY_COROUTINE_3"], KataText.Text("K05.NamesWrong"));
            Judge.Equal(printedWhenStarted, "waiting: 1\nwaiting: 2\nwaiting: 3\n",
                KataText.Text("K05.NotAllStarted"),
                KataText.Text("K05.Fix.KeepTheTasks"));
            Judge.That(doneWhenStarted == 0, KataText.Format("K05.AlreadyFinished", doneWhenStarted),
                KataText.Text("K05.Fix.DoNotWait"));
            Judge.Sequence(named!.Select(n => n.Task.IsCompletedSuccessfully ? n.Task.Result : $"({n.Task.Status})"),
                ["Done after 1s", "Done after 2s", "Done after 3s"], KataText.Text("K05.WrongResults"));
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(3), KataText.Text("K05.NamedTime"),
                KataText.Text("K05.Fix.StartAllFirst"));
        });
    }

    [Test]
    public void NamedForm_PrintsTheSameAsTheUnnamedOne()
    {
        var run = KataLoop.Run(io => ThreeTasks.RunNamedAsync(io.Out, io.Time));
        VerifyRun(run, timeline: [0, 0, 0, 3, 3, 3, 3], total: 3);
    }
}
