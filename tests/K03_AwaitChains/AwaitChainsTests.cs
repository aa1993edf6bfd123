using AsyncKatas.K03_AwaitChains;

namespace AsyncKatas.Tests.K03_AwaitChains;

[Category("K03")]
public class AwaitChainsTests
{
    [Test]
    public void Others_PrintsStartAndEnd_TwoSecondsApart_AndReturnsItsValue()
    {
        string? result = null;
        var run = KataLoop.Run(async io => result = await AwaitChains.OthersAsync(io.Out, io.Time));

        VerifyRun(run, timeline: [0, 2], total: 2);
        Judge.Equal(result, "返回值", KataText.Text("K03.OthersWrongValue"), KataText.Text("K03.Fix.ReturnTheValue"));
    }

    [Test]
    public void Nested_CallerWaitsForTheNestedResult()
    {
        var run = KataLoop.Run(io => AwaitChains.NestedAsync(io.Out, io.Time));
        FailIfATaskWasPrinted(run);
        VerifyRun(run, timeline: [0, 0, 2, 2], total: 2);
    }

    [Test]
    public void TwoAwaits_PrintBothResults_FourSecondsInAll()
    {
        var run = KataLoop.Run(io => AwaitChains.TwoAwaitsAsync(io.Out, io.Time));
        FailIfATaskWasPrinted(run);
        VerifyRun(run, timeline: [0, 0, 2, 2, 2, 4, 4], total: 4);
    }

    /// <summary>A line that shows a task's type name ("System.Threading.Tasks.Task`1[...]", an AsyncStateMachineBox) printed the task, not its value.</summary>
    private static void FailIfATaskWasPrinted(LoopRun run)
    {
        var printed = run.Lines.FirstOrDefault(l => l.Text.Contains("System.Threading.Tasks.Task", StringComparison.Ordinal)
                                                    || l.Text.Contains("AsyncStateMachineBox", StringComparison.Ordinal));
        if (printed is null) return;
        Judge.Fail(new Verdict(KataText.Text("K03.TaskPrinted"))
            .Evidence(KataText.Format("K03.Evidence.PrintedAt", TextDiff.Seconds(printed.At), Listing.Shorten(printed.Text)))
            .Cause(KataText.Text("K03.Cause.NotAwaited"))
            .Fix(KataText.Text("K03.Fix.AwaitTheCall")));
    }

    [Test]
    public void TwoAwaits_SecondCallStartsOnlyWhenTheFirstHasReturned()
    {
        var run = KataLoop.Run(io => AwaitChains.TwoAwaitsAsync(io.Out, io.Time));

        AssertCompleted(run);
        // Lines are matched with their spaces trimmed: a stray space is the snapshot test's business, not this one's.
        var starts = run.Lines.Where(l => l.Text.Trim() == "start").Select(l => l.At.TotalSeconds).ToList();
        var firstResult = run.Lines.FirstOrDefault(l => l.Text.TrimStart().StartsWith("response_1", StringComparison.Ordinal));
        Judge.All(() =>
        {
            Judge.That(starts.Count == 2, () => new Verdict(KataText.Format("K03.StartLineCount", starts.Count))
                .Printed(run));
            if (starts.Count == 2)
            {
                Judge.Sequence(starts, [0.0, 2.0], KataText.Text("K03.StartTimes"),
                    KataText.Text("K03.Fix.AwaitFirstThenSecond"));
            }
            Judge.That(firstResult is not null, () => new Verdict(KataText.Text("K03.NoResponseOneLine")).Printed(run));
            if (firstResult is not null)
            {
                Judge.Equal(firstResult.At.TotalSeconds, 2.0, KataText.Text("K03.ResponseOneLate"),
                    KataText.Text("K03.Fix.PrintRightAfterAwait"));
            }
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(4), KataText.Text("K03.TwoAwaitsTime"),
                KataText.Text("K03.Fix.AwaitInTurn"));
        });
    }
}
