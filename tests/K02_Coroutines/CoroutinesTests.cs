using AsyncKatas.K02_Coroutines;

namespace AsyncKatas.Tests.K02_Coroutines;

[Category("K02")]
public class CoroutinesTests
{
    private const string Hot =
        "the work ran before anyone invoked it: MakeCoroutine must hand back work that has not started and is not scheduled to start; only invoking it may print.";

    [Test]
    public void DoWork_PrintsItsLine()
    {
        var run = KataLoop.Run("K02", io => Coroutines.DoWorkAsync(io.Out));
        VerifyRun(run, timeline: [0], total: 0);
    }

    [Test]
    public void Coroutine_PrintsNothingWhenMade_AndItsLineWhenRun()
    {
        // The article's program: result = do_work() prints nothing; asyncio.run(result) prints the line.
        string? printedWhenMade = null;
        var run = KataLoop.Run("K02", async io =>
        {
            var coroutine = Coroutines.MakeCoroutine(io.Out);
            printedWhenMade = io.PrintedSoFar;
            await Coroutines.RunAsync(coroutine);
        });

        AssertCompleted(run);
        Assert.That(printedWhenMade, Is.Empty, $"{Hot} Printed when it was made: \"{printedWhenMade?.TrimEnd()}\"");
        VerifyRun(run, timeline: [0], total: 0);
        Assert.That(run.Lines.Where(l => l.OutsideLoop), Is.Empty,
            "the work ran off the loop (Task.Run, or after ConfigureAwait(false)): asyncio.run runs a coroutine on the loop's own thread, so RunAsync should simply start the work it was given.");
    }

    [Test]
    public void Coroutine_HeldForASecond_RunsWhenItIsStarted()
    {
        string? printedAfterTheWait = null;
        var run = KataLoop.Run("K02", async io =>
        {
            var coroutine = Coroutines.MakeCoroutine(io.Out);
            await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
            printedAfterTheWait = io.PrintedSoFar;
            await Coroutines.RunAsync(coroutine);
        });

        AssertCompleted(run);
        Assert.That(printedAfterTheWait, Is.Empty,
            $"{Hot} The work was held for one second before it was run, yet it had already printed \"{printedAfterTheWait?.TrimEnd()}\"");
        VerifyRun(run, timeline: [1], total: 1);
    }

    [Test]
    public void Coroutine_NeverRun_PrintsNothing()
    {
        // Made and dropped: in Python the coroutine object is never awaited and none of its code runs.
        var run = KataLoop.Run("K02", io =>
        {
            _ = Coroutines.MakeCoroutine(io.Out);
            return Task.CompletedTask;
        });

        AssertCompleted(run);
        Assert.That(run.Output, Is.Empty, $"{Hot} Nobody ran it, yet it printed \"{run.Output.TrimEnd()}\"");
    }
}
