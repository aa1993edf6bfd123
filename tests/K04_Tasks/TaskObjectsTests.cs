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
        var run = KataLoop.Run(async io => result = await TaskObjects.OthersAsync(io.Out, io.Time));

        VerifyRun(run, timeline: [0, 2], total: 2);
        Judge.Equal(result, "返回值", KataText.Text("K04.OthersWrongValue"), KataText.Text("K04.Fix.ReturnTheValue"));
    }

    [Test]
    public void NamedOthers_PrintsItsName_AndReturnsTheValueWithItsName()
    {
        string? result = null;
        var run = KataLoop.Run(async io => result = await TaskObjects.OthersAsync(ThreeSeconds, "task_1", io.Out, io.Time));

        Judge.That(run.Outcome != LoopOutcome.Completed || run.Elapsed != TimeSpan.FromSeconds(2), () => new Verdict(KataText.Text("K04.NamedIgnoresItsSleep"))
            .Printed(run)
            .Fix(KataText.Text("K04.Fix.SleepTheGivenTime")));
        VerifyRun(run, timeline: [0, 3], total: 3);
        Judge.Equal(result, "返回值task_1", KataText.Text("K04.NamedWrongValue"), KataText.Text("K04.Fix.ReturnTheValueAndName"));
    }

    [Test]
    public void TwoTasks_StartedBeforeAwaiting_RunTogether()
    {
        var run = KataLoop.Run(io => TaskObjects.TwoTasksAsync(io.Out, io.Time));
        // At t = 2 s both sleeps end at once; as in asyncio, the awaiting method resumes through the
        // loop's queue, behind task_2's wake-up, so both "end" lines come first. See the README.
        VerifyRun(run, timeline: [0, 0, 0, 2, 2, 2, 2], total: 2);
    }

    [Test]
    public void TwoTasks_BothSleepAtTheSameTime()
    {
        var run = KataLoop.Run(io => TaskObjects.TwoTasksAsync(io.Out, io.Time));

        AssertCompleted(run);
        // Lines are matched with their spaces trimmed: a stray space is the snapshot test's business, not this one's.
        var starts = run.Lines.Where(l => l.Text.Trim() == "start").Select(l => l.At).ToList();
        var ends = run.Lines.Where(l => l.Text.Trim() == "end").Select(l => l.At).ToList();
        var fix = KataText.Text("K04.Fix.StartBothThenAwait");
        Judge.All(() =>
        {
            if (starts.Count != 2)
            {
                Judge.Fail(new Verdict(KataText.Format("K04.StartLineCount", starts.Count)).Printed(run));
            }
            else if (starts[1] != TimeSpan.Zero)
            {
                // The cause is named only when the evidence shows it: task_2's start came at or after task_1's end.
                var afterFirstEnd = ends.Count > 0 && starts[1] >= ends[0];
                Judge.Fail(new Verdict(KataText.Format("K04.SecondStartLate", TextDiff.Seconds(starts[1])))
                    .Printed(run)
                    .Cause(afterFirstEnd ? KataText.Text("K04.Cause.TaskTwoAfterTaskOne") : null)
                    .Fix(fix));
            }
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(2), KataText.Text("K04.TwoTasksTime"), fix);
        });
    }

    [Test]
    public void NamedTasks_3s_2s()
    {
        var run = KataLoop.Run(io => TaskObjects.NamedTasksAsync(ThreeSeconds, TwoSeconds, io.Out, io.Time));
        FailIfTask2StartedAfterTask1Ended(run);
        VerifyRun(run, timeline: [0, 0, 0, 2, 3, 3, 3], total: 3);
    }

    [Test]
    public void NamedTasks_2s_3s()
    {
        var run = KataLoop.Run(io => TaskObjects.NamedTasksAsync(TwoSeconds, ThreeSeconds, io.Out, io.Time));
        FailIfTask2StartedAfterTask1Ended(run);
        VerifyRun(run, timeline: [0, 0, 0, 2, 2, 3, 3], total: 3);
    }

    /// <summary>"start task_2" printed after "end task_1": the second call was made only once the first had been awaited.</summary>
    private static void FailIfTask2StartedAfterTask1Ended(LoopRun run)
    {
        var texts = run.Lines.Select(l => l.Text).ToList();
        var end1 = texts.IndexOf("end task_1");
        var start2 = texts.IndexOf("start task_2");
        if (end1 < 0 || start2 < end1) return;
        Judge.Fail(new Verdict(KataText.Format("K04.TaskTwoStartedAfterTaskOneEnded", Support.TextDiff.Seconds(run.Lines[start2].At)))
            .Printed(run)
            .Cause(KataText.Text("K04.Cause.AwaitedWhereMade"))
            .Fix(KataText.Text("K04.Fix.MakeBothCallsFirst")));
    }

    [Test]
    public void NamedTasks_ResultsComeInAwaitOrder_NotInTheOrderTheTasksEnd()
    {
        // task_2 ends first (at 2 s), but the program awaits task_1 first: task_2's result waits for task_1's.
        var run = KataLoop.Run(io => TaskObjects.NamedTasksAsync(ThreeSeconds, TwoSeconds, io.Out, io.Time));

        AssertCompleted(run);
        var results = run.Lines.Where(l => l.Text.Contains("的IO操作结果为", StringComparison.Ordinal)).ToList();
        Judge.All(() =>
        {
            Judge.Sequence(results.Select(l => l.Text.Trim()[..Math.Min(6, l.Text.Trim().Length)]), ["task_1", "task_2"],
                KataText.Text("K04.ResultOrder"),
                KataText.Text("K04.Fix.AwaitInOrder"));
            Judge.Sequence(results.Select(l => l.At.TotalSeconds), [3.0, 3.0],
                KataText.Text("K04.ResultTimes"),
                KataText.Text("K04.Fix.WaitForTaskOneFirst"));
        });
    }

    [Test]
    public void NamedTasks_Task1sResultIsPrintedAsSoonAsTask1Ends()
    {
        // task_1 ends at 2 s: its result must not wait for task_2 (which ends at 3 s).
        var run = KataLoop.Run(io => TaskObjects.NamedTasksAsync(TwoSeconds, ThreeSeconds, io.Out, io.Time));

        AssertCompleted(run);
        var result1 = run.Lines.FirstOrDefault(l => l.Text.TrimStart().StartsWith("task_1的", StringComparison.Ordinal));
        Judge.That(result1 is not null, () => new Verdict(KataText.Text("K04.NoTaskOneResult")).Printed(run));
        Judge.That(result1!.At == TimeSpan.FromSeconds(2), () => new Verdict(KataText.Format("K04.TaskOneResultLate", TextDiff.Seconds(result1.At)))
            .Printed(run)
            .Causes(result1.At >= TimeSpan.FromSeconds(3)
                ? [KataText.Text("K04.Cause.AwaitedBothTogether"),
                   KataText.Text("K04.Cause.AwaitedTaskTwoFirst")]
                : [])
            .Fix(KataText.Text("K04.Fix.AwaitTaskOneAlone")));
    }
}
