using AsyncKatas.K02_Coroutines;

namespace AsyncKatas.Tests.K02_Coroutines;

[Category("K02")]
public class CoroutinesTests
{
    [Test]
    public void DoWork_PrintsItsLine()
    {
        var run = KataLoop.Run(io => Coroutines.DoWorkAsync(io.Out));
        VerifyRun(run, timeline: [0], total: 0);
    }

    [Test]
    public void Coroutine_PrintsNothingWhenMade_AndItsLineWhenRun()
    {
        // The article's program: result = do_work() prints nothing; asyncio.run(result) prints the line.
        string? printedWhenMade = null;
        var run = KataLoop.Run(async io =>
        {
            var coroutine = Coroutines.MakeCoroutine(io.Out);
            printedWhenMade = io.PrintedSoFar;
            await Coroutines.RunAsync(coroutine);
        });

        AssertCompleted(run);
        Judge.That(printedWhenMade == "", () => new Verdict(KataText.Text("K02.RanWhenMade"))
            .Evidence(KataText.Format("K02.Evidence.PrintedWhenMade", Listing.Value(printedWhenMade)))
            .Fix(KataText.Text("K02.Fix.HandBackColdWork")));
        FailIfRunOffTheLoop(run, io => Coroutines.DoWorkAsync(io.Out));
        VerifyRun(run, timeline: [0], total: 0);
    }

    [Test]
    public void Coroutine_HeldForASecond_RunsWhenItIsStarted()
    {
        string? printedAfterTheWait = null;
        var run = KataLoop.Run(async io =>
        {
            var coroutine = Coroutines.MakeCoroutine(io.Out);
            await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
            printedAfterTheWait = io.PrintedSoFar;
            await Coroutines.RunAsync(coroutine);
        });

        AssertCompleted(run);
        Judge.That(printedAfterTheWait == "", () => new Verdict(KataText.Text("K02.RanWhileHeld"))
            .Printed(run)
            .Fix(KataText.Text("K02.Fix.HandBackColdWork")));
        FailIfRunOffTheLoop(run, io => Coroutines.DoWorkAsync(io.Out));
        VerifyRun(run, timeline: [1], total: 1);
    }

    [Test]
    public void Coroutine_NeverRun_PrintsNothing()
    {
        // Made and dropped: in Python the coroutine object is never awaited and none of its code runs.
        var run = KataLoop.Run(io =>
        {
            _ = Coroutines.MakeCoroutine(io.Out);
            return Task.CompletedTask;
        });

        AssertCompleted(run);
        Judge.That(run.Output.Length == 0, () => new Verdict(KataText.Text("K02.RanWhenDropped"))
            .Printed(run)
            .Fix(KataText.Text("K02.Fix.HandBackColdWork")));
    }

    /// <summary>
    /// The work's line printed off the loop: DoWorkAsync, run on its own, shows whether it leaves the loop itself
    /// (ConfigureAwait(false)) or whether MakeCoroutine or RunAsync moved it elsewhere (Task.Run).
    /// </summary>
    /// <param name="run">The run that printed the work's line.</param>
    /// <param name="doWorkAlone">DoWorkAsync, for a run of its own.</param>
    internal static void FailIfRunOffTheLoop(LoopRun run, Func<ProgramIO, Task> doWorkAlone)
    {
        var outside = run.Lines.Where(l => l.OutsideLoop).Select(l => l.Text).ToList();
        if (outside.Count == 0) return;
        var alone = VirtualLoop.Run(run.Label, env => doWorkAlone(new KataIO(env)));
        var verdict = new Verdict(KataText.Text("K02.RanOffTheLoop"))
            .Evidence(KataText.Text("K02.Evidence.PrintedOutsideLoop"), outside);
        Judge.Fail(alone.Outcome == LoopOutcome.Completed && !alone.Lines.Any(l => l.OutsideLoop)
            ? verdict.Cause(KataText.Text("K02.Cause.HandedToAnotherThread"))
                .Fix(KataText.Text("K02.Fix.RunOnTheLoop"))
            : verdict.Cause(KataText.Text("K02.Cause.LeavesTheLoopItself"))
                .Fix(KataText.Text("K02.Fix.DropConfigureAwait")));
    }
}
