using AsyncKatas.K07_Futures;

namespace AsyncKatas.Tests.K07_Futures;

[Category("K07")]
public class FuturesTests
{
    [Test]
    public void BareFuture_NobodyCompletesIt_TheLoopReportsNeverCompletes()
    {
        var run = VirtualLoop.Run("K07", _ => Futures.WaitForeverAsync());
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.NeverCompletes), () => run.Outcome == LoopOutcome.Completed
            ? "WaitForeverAsync returned, but nobody ever completes a bare future: awaiting it must wait for ever " +
              "(the loop then runs out of work and reports that the program can never complete)."
            : run.Explain());
        Assert.That(run.Output, Is.Empty, "part 1 prints nothing");
        Assert.That(run.TimersLeft, Is.Zero, "part 1 waits on the future alone, not on a timer");
    }

    [Test]
    public void SetAfter_CompletesTheFutureWith666_AfterTwoSeconds()
    {
        Task? setter = null;
        int? value = null;
        TimeSpan? completedAt = null;
        var run = VirtualLoop.Run("K07", async io =>
        {
            var future = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            setter = Futures.SetAfterAsync(future, io.Time);
            value = await future.Task;
            completedAt = io.Time.Elapsed;
            await setter;
        });
        if (run.Outcome == LoopOutcome.NeverCompletes)
        {
            Assert.Fail("Nobody completed the future: SetAfterAsync must give it its result (666) after its 2 s sleep.\n" + run.Explain());
        }
        AssertCompleted(run);
        Assert.Multiple(() =>
        {
            Assert.That(value, Is.EqualTo(666), "the future's result");
            Assert.That(completedAt, Is.EqualTo(TimeSpan.FromSeconds(2)), "the future must be completed after the 2 s sleep, not before");
            Assert.That(setter!.IsCompletedSuccessfully, Is.True, "SetAfterAsync's own task must end successfully");
            Assert.That(run.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(2)));
        });
    }

    [Test]
    public void Main_AwaitsTheSetterThenTheFuture_Prints666AfterTwoSeconds()
    {
        var run = VirtualLoop.Run("K07", io => Futures.MainAsync(io.Out, io.Time));
        VerifyRun(run, timeline: [2], total: 2);
    }

    [Test]
    public void CreateFuture_CompletingItDoesNotRunTheWaiterOnTheSpot()
    {
        var run = VirtualLoop.Run("K07", async io =>
        {
            var future = Futures.CreateFuture<string>();
            var setter = SetThenPrintAsync(future, io);
            var value = await future.Task;
            io.Out.WriteLine($"waiter: got {value}");
            await setter;
        });
        AssertCompleted(run);
        Assert.That(run.Output, Is.EqualTo("setter: result set\nwaiter: got 42\n"),
            "The waiter ran inside SetResult, before the code that completed the future could go on. In asyncio, completing a " +
            "future only queues its waiters on the loop. Create the TaskCompletionSource with " +
            "TaskCreationOptions.RunContinuationsAsynchronously (a TaskCreationOptions value: the TaskContinuationOptions one " +
            "of the same name would be taken as the 'state' argument and do nothing).");
        Assert.That(run.Lines.Select(l => l.At), Is.All.EqualTo(TimeSpan.FromSeconds(1)),
            "the waiter still runs at the same virtual instant, just after the setter's line");

        static async Task SetThenPrintAsync(TaskCompletionSource<string> future, ProgramIO io)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
            future.SetResult("42");
            io.Out.WriteLine("setter: result set");
        }
    }
}
