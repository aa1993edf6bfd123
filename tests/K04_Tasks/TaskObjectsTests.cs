using AsyncKatas.K04_Tasks;

namespace AsyncKatas.Tests.K04_Tasks;

[Category("K04")]
public class TaskObjectsTests
{
    private static readonly TimeSpan TwoSeconds = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ThreeSeconds = TimeSpan.FromSeconds(3);

    [Test]
    public void Others_PrintsStartAndEnd_TwoSecondsApart_AndReturnsItsValue()
    {
        string? result = null;
        var run = KataLoop.Run("K04", async io => result = await TaskObjects.OthersAsync(io.Out, io.Time));

        VerifyRun(run, timeline: [0, 2], total: 2);
        Assert.That(result, Is.EqualTo("返回值"), "OthersAsync must return \"返回值\".");
    }

    [Test]
    public void NamedOthers_PrintsItsName_AndReturnsTheValueWithItsName()
    {
        string? result = null;
        var run = KataLoop.Run("K04", async io => result = await TaskObjects.OthersAsync(ThreeSeconds, "task_1", io.Out, io.Time));

        VerifyRun(run, timeline: [0, 3], total: 3);
        Assert.That(result, Is.EqualTo("返回值task_1"), "OthersAsync(sleep, name, ...) must return \"返回值\" followed by the name.");
    }

    [Test]
    public void TwoTasks_StartedBeforeAwaiting_RunTogether()
    {
        var run = KataLoop.Run("K04", io => TaskObjects.TwoTasksAsync(io.Out, io.Time));
        // At t = 2 s both sleeps end at once; as in asyncio, the awaiting method resumes through the
        // loop's queue, behind task_2's wake-up, so both "end" lines come first. See the README.
        VerifyRun(run, timeline: [0, 0, 0, 2, 2, 2, 2], total: 2);
    }

    [Test]
    public void TwoTasks_BothSleepAtTheSameTime()
    {
        var run = KataLoop.Run("K04", io => TaskObjects.TwoTasksAsync(io.Out, io.Time));

        AssertCompleted(run);
        var starts = run.Lines.Where(l => l.Text == "start").Select(l => l.At.TotalSeconds).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(starts, Is.EqualTo(new[] { 0.0, 0.0 }),
                "both tasks should start at 0 s, but task_2 started only after task_1 had finished: start both tasks first, then await them.");
            Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(2)),
                "two 2-second tasks that run together take 2 s, not 4 s: start both tasks first, then await them.");
        });
    }

    [Test]
    public void NamedTasks_3s_2s()
    {
        var run = KataLoop.Run("K04", io => TaskObjects.NamedTasksAsync(ThreeSeconds, TwoSeconds, io.Out, io.Time));
        VerifyRun(run, timeline: [0, 0, 0, 2, 3, 3, 3], total: 3);
    }

    [Test]
    public void NamedTasks_2s_3s()
    {
        var run = KataLoop.Run("K04", io => TaskObjects.NamedTasksAsync(TwoSeconds, ThreeSeconds, io.Out, io.Time));
        VerifyRun(run, timeline: [0, 0, 0, 2, 2, 3, 3], total: 3);
    }

    [Test]
    public void NamedTasks_ResultsComeInAwaitOrder_NotInTheOrderTheTasksEnd()
    {
        // task_2 ends first (at 2 s), but the program awaits task_1 first: task_2's result waits for task_1's.
        var run = KataLoop.Run("K04", io => TaskObjects.NamedTasksAsync(ThreeSeconds, TwoSeconds, io.Out, io.Time));

        AssertCompleted(run);
        var results = run.Lines.Where(l => l.Text.Contains("的IO操作结果为", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(results.Select(l => l.Text[..6]), Is.EqualTo(new[] { "task_1", "task_2" }),
                "task_1's result must be printed before task_2's, even though task_2 ends first: await task_1, print, then await task_2, print.");
            Assert.That(results.Select(l => l.At.TotalSeconds), Is.EqualTo(new[] { 3.0, 3.0 }),
                "both results are printed at 3 s, once task_1 has ended: the program waits for task_1 before it looks at task_2.");
        });
    }

    [Test]
    public void NamedTasks_Task1sResultIsPrintedAsSoonAsTask1Ends()
    {
        // task_1 ends at 2 s: its result must not wait for task_2 (which ends at 3 s).
        var run = KataLoop.Run("K04", io => TaskObjects.NamedTasksAsync(TwoSeconds, ThreeSeconds, io.Out, io.Time));

        AssertCompleted(run);
        var result1 = run.Lines.FirstOrDefault(l => l.Text.StartsWith("task_1的", StringComparison.Ordinal));
        Assert.That(result1?.At.TotalSeconds, Is.EqualTo(2.0),
            "task_1's result should be printed at 2 s, when task_1 ends, not when both tasks are done: await task_1 on its own (not Task.WhenAll) before you await task_2.");
    }
}
