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
        Judge.Equal(result, "返回值", "OthersAsync returned the wrong value.", "return \"返回值\" (the value the caller prints).");
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
        Judge.Fail(new Verdict("a result line shows a Task object, not the value OthersAsync returns.")
            .Evidence($"printed at {TextDiff.Seconds(printed.At)}: {Listing.Shorten(printed.Text)}")
            .Cause("the call's Task was kept and printed without await: calling an async method only starts it, and its value comes from awaiting its Task.")
            .Fix("await the call where you take its value: var response = await OthersAsync(time);"));
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
            Judge.That(starts.Count == 2, () => new Verdict($"expected two \"start\" lines (one per OthersAsync call), found {starts.Count}.")
                .Printed(run));
            if (starts.Count == 2)
            {
                Judge.Sequence(starts, [0.0, 2.0], "the two OthersAsync calls should start at 0 s and 2 s (the virtual seconds of the \"start\" lines).",
                    "await the first call (and print its result) before you make the second.");
            }
            Judge.That(firstResult is not null, () => new Verdict("no line starting with \"response_1\" was printed.").Printed(run));
            if (firstResult is not null)
            {
                Judge.Equal(firstResult.At.TotalSeconds, 2.0, "response_1's result was not printed at 2 s, as soon as the first call returned.",
                    "print the first result right after its await, before the second call starts.");
            }
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(4), "two awaits in a row take 2 s + 2 s: the run took another virtual time.",
                "await each call in turn: the second sleep begins only when the first has ended.");
        });
    }
}
