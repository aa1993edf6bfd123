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
        Judge.That(run.Output == expected + "\n", () => new Verdict(
                $"TimedAsync around a main that sleeps {milliseconds} ms must print exactly one line, \"{expected}\".")
            .Printed(run)
            .Fix("print the time between before and after main, read on the injected clock (time.GetUtcNow() or time.GetTimestamp(); " +
                 "not a Stopwatch, not a fixed number), as Python prints a float."));
        Judge.Equal(run.Lines[0].At, TimeSpan.FromMilliseconds(milliseconds), "the \"Time:\" line was not printed when main had finished.",
            "await main first, then read the clock and print.");
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
        Judge.Fail(new Verdict($"{early.Count} result line(s) came before all three tasks were done (the last ends at 3 s): the first at {TextDiff.Seconds(early[0].At)}.")
            .Printed(run)
            .Cause("each result is printed as soon as its own task ends, while the others still run; asyncio.wait returns once all are done, and only then are the results printed.")
            .Fix("wait for all three first (await Task.WhenAll(tasks)), then print each result in start order."));
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
            Judge.Sequence(named!.Select(n => n.Name), ["MY_COROUTINE_1", "MY_COROUTINE_2", "MY_COROUTINE_3"], "the tasks' names, in order, are wrong.");
            Judge.Equal(printedWhenStarted, "waiting: 1\nwaiting: 2\nwaiting: 3\n",
                "when StartNamedTasks returned, not all three tasks had started (each prints its \"waiting:\" line when it starts).",
                "call DoWorkAsync for each and keep the Task, without awaiting it.");
            Judge.That(doneWhenStarted == 0, $"{doneWhenStarted} of the tasks had already finished when StartNamedTasks returned.",
                "StartNamedTasks must not wait for the tasks: start them and return.");
            Judge.Sequence(named!.Select(n => n.Task.IsCompletedSuccessfully ? n.Task.Result : $"({n.Task.Status})"),
                ["Done after 1s", "Done after 2s", "Done after 3s"], "the named tasks do not carry the results of their own DoWorkAsync calls.");
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(3), "three tasks of 1, 2 and 3 s that run together are all done after 3 s; the run took another virtual time.",
                "start all three before you await any of them.");
        });
    }

    [Test]
    public void NamedForm_PrintsTheSameAsTheUnnamedOne()
    {
        var run = KataLoop.Run(io => ThreeTasks.RunNamedAsync(io.Out, io.Time));
        VerifyRun(run, timeline: [0, 0, 0, 3, 3, 3, 3], total: 3);
    }
}
