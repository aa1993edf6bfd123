using AsyncKatas.K02_Coroutines;

namespace AsyncKatas.Tests.K02_Coroutines;

[Category("K02")]
public class CoroutinesTests
{
    private const string HotFix =
        "MakeCoroutine must hand back work that has not started and is not scheduled to start (a Func<Task> that calls DoWorkAsync " +
        "only when it is invoked); only invoking it may print.";

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
        Judge.That(printedWhenMade == "", () => new Verdict("the work ran before anyone invoked it: MakeCoroutine's work printed while it was being made.")
            .Evidence($"printed when it was made: {Listing.Value(printedWhenMade)}")
            .Fix(HotFix));
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
        Judge.That(printedAfterTheWait == "", () => new Verdict("the work ran before anyone invoked it: it was held for one second before it was run, yet it had already printed.")
            .Printed(run, "What it printed (virtual time in brackets)")
            .Fix(HotFix));
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
        Judge.That(run.Output.Length == 0, () => new Verdict("the work ran although nobody invoked it: it was made and dropped, yet it printed.")
            .Printed(run)
            .Fix(HotFix));
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
        var verdict = new Verdict("the work ran off the loop: its line was printed outside the loop's context.")
            .Evidence("printed outside the loop", outside);
        Judge.Fail(alone.Outcome == LoopOutcome.Completed && !alone.Lines.Any(l => l.OutsideLoop)
            ? verdict.Cause("DoWorkAsync, run on its own, prints on the loop: MakeCoroutine or RunAsync handed the work to another thread (a StartNew or ContinueWith on the default scheduler, Task.Run).")
                .Fix("asyncio.run runs a coroutine on the loop's own thread: RunAsync invokes the work it was given and returns its task, and MakeCoroutine's " +
                     "function calls DoWorkAsync; no StartNew, ContinueWith or Task.Run in either.")
            : verdict.Cause("DoWorkAsync prints off the loop even when it is run on its own: something before its print left the loop (ConfigureAwait(false)).")
                .Fix("drop ConfigureAwait(false) in DoWorkAsync."));
    }
}
