using AsyncKatas.K22_SignalsAndLocks;

namespace AsyncKatas.Tests.K22_SignalsAndLocks;

[Category("K22")]
public class AsyncEventTests
{
    [Test]
    public void Set_WakesEveryWaiter_InTheOrderTheyCameToWait()
    {
        var setBefore = true;
        var run = KataLoop.Run(async io =>
        {
            var ready = new AsyncEvent();
            setBefore = ready.IsSet;
            var waiters = new List<Task>();
            foreach (var (name, at) in new[] { ("a", 0.0), ("b", 0.5), ("c", 1.0) })
            {
                await Task.Delay(TimeSpan.FromSeconds(at) - io.Time.Elapsed, io.Time);
                waiters.Add(WaitThenPrintAsync(ready, name, io));
            }
            await Task.Delay(TimeSpan.FromSeconds(2) - io.Time.Elapsed, io.Time);
            io.Out.WriteLine($"set (waiters done before: {waiters.Count(w => w.IsCompleted)})");
            ready.Set();
            await Task.WhenAll(waiters);
            io.Out.WriteLine($"IsSet {ready.IsSet}");
        });
        Judge.That(!setBefore, "a new AsyncEvent says IsSet == true; it starts unset.");
        var woke = run.Lines.Select(l => l.Text).Where(t => t.EndsWith(" woke", StringComparison.Ordinal)).ToList();
        if (woke.Order().SequenceEqual(["a woke", "b woke", "c woke"]) && !woke.SequenceEqual(["a woke", "b woke", "c woke"]))
        {
            Judge.Fail(new Verdict("all three waiters woke when the event was set, but not in the order they began to wait.")
                .Evidence($"woke: {Listing.Inline(woke)}")
                .Cause("the TaskCompletionSource was made without TaskCreationOptions.RunContinuationsAsynchronously: completing it runs " +
                       "the waiters itself, and not in the order they came.")
                .Fix("new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously): then every waiter is queued, in order."));
        }
        TimedLines.Check(run, "three tasks wait at 0, 0.5 and 1 s; the test sets the event at 2 s",
            [("set (waiters done before: 0)", 2), ("a woke", 2), ("b woke", 2), ("c woke", 2), ("IsSet True", 2)],
            "WaitAsync returns the Task of one TaskCompletionSource the event keeps (the same for every waiter until it is set); " +
            "Set completes it (TrySetResult), which wakes every task awaiting it, in the order they began to wait; IsSet is that Task's IsCompleted.");
    }

    [Test]
    public void WhileSet_WaitersGoThroughAtOnce_AndASecondSetChangesNothing()
    {
        var run = KataLoop.Run(async io =>
        {
            var ready = new AsyncEvent();
            ready.Set();
            ready.Set();
            io.Out.WriteLine($"set twice, IsSet {ready.IsSet}");
            io.Out.WriteLine($"WaitAsync already done: {ready.WaitAsync().IsCompleted}");
            await WaitThenPrintAsync(ready, "late", io);
        });
        if (run.Outcome == LoopOutcome.ProgramFailed && run.Exception is InvalidOperationException)
        {
            Judge.Fail(new Verdict($"setting the event a second time threw: {run.Exception.Message}")
                .Cause("SetResult throws on a TaskCompletionSource that is already completed.")
                .Fix("use TrySetResult(), which does nothing the second time (asyncio's Event.set() is harmless when set).")
                .At(KataExplanation.KataFrame(run.Exception)));
        }
        if (run.Outcome == LoopOutcome.NeverCompletes && run.Output.Contains("set twice, IsSet True", StringComparison.Ordinal)
            && run.Output.Contains("WaitAsync already done: False", StringComparison.Ordinal))
        {
            Judge.Fail(new Verdict("while the event was set, WaitAsync handed out a task that waits (for a Set that never comes).")
                .Printed(run)
                .Cause("WaitAsync always waits for the next Set, even when the event is set already.")
                .Fix("while the event is set, WaitAsync must return a task that is already complete: the completed TaskCompletionSource's Task."));
        }
        TimedLines.Check(run, "the event is set twice, then a task waits on it",
            [("set twice, IsSet True", 0), ("WaitAsync already done: True", 0), ("late woke", 0)],
            "while the event is set, WaitAsync returns a task that is already complete: the Task of the completed TaskCompletionSource.");
    }

    [Test]
    public void Clear_MakesLaterWaitersWaitForTheNextSet()
    {
        var run = KataLoop.Run(async io =>
        {
            var ready = new AsyncEvent();
            ready.Set();
            await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
            ready.Clear();
            io.Out.WriteLine($"cleared, IsSet {ready.IsSet}");
            var waiter = WaitThenPrintAsync(ready, "after clear", io);
            await Task.Delay(TimeSpan.FromSeconds(2), io.Time);
            io.Out.WriteLine("set again");
            ready.Set();
            await waiter;
        });
        TimedLines.Check(run, "set at 0 s, cleared at 1 s, a task waits, set again at 3 s",
            [("cleared, IsSet False", 1), ("set again", 3), ("after clear woke", 3)],
            "a completed TaskCompletionSource stays completed: Clear must put a new one in its place when the event is set, " +
            "so that WaitAsync hands out a task that waits again.");
    }

    [Test]
    public void ClearBeforeSet_KeepsTheWaitersAlreadyWaiting()
    {
        var run = KataLoop.Run(async io =>
        {
            var ready = new AsyncEvent();
            var waiter = WaitThenPrintAsync(ready, "early", io);
            await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
            ready.Clear(); // not set: nothing to clear
            await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
            io.Out.WriteLine("set");
            ready.Set();
            await waiter;
        });
        if (run.Outcome == LoopOutcome.NeverCompletes)
        {
            Judge.Fail(new Verdict("a task that began waiting before a Clear was never woken by the Set that followed.")
                .Printed(run)
                .Cause("Clear replaced the TaskCompletionSource although the event was not set: the task waiting on the old one " +
                       "is waiting on a source nobody will complete.")
                .Fix("in Clear, start a new TaskCompletionSource only when the current one is completed (the event is set)."));
        }
        TimedLines.Check(run, "a task waits at 0 s, the event (never set) is cleared at 1 s and set at 2 s",
            [("set", 2), ("early woke", 2)],
            "Clear on an event that is not set changes nothing: the waiters keep waiting for the next Set.");
    }

    [Test]
    public void Set_ReturnsBeforeAnyWaiterRuns()
    {
        var ranInsideSet = false;
        var run = KataLoop.Run(async io =>
        {
            var ready = new AsyncEvent();
            var insideSet = false;
            // A continuation that asks to run synchronously runs inside Set, unless the source was made with
            // TaskCreationOptions.RunContinuationsAsynchronously.
            var waiter = ready.WaitAsync().ContinueWith(_ => ranInsideSet = insideSet, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.FromCurrentSynchronizationContext());
            insideSet = true;
            ready.Set();
            insideSet = false;
            await waiter;
        });
        AssertCompleted(run);
        Judge.That(!ranInsideSet, () => new Verdict("a waiter ran inside Set, before Set returned.")
            .Cause("the TaskCompletionSource was made without TaskCreationOptions.RunContinuationsAsynchronously, so completing it " +
                   "runs the waiters that can run at once on the spot, in the middle of the code that called Set.")
            .Fix("new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), for the first source and for the one Clear makes."));
    }

    [Test]
    public void Set_AfterAClear_ReturnsBeforeAnyWaiterRuns()
    {
        var ranInsideSet = false;
        var run = KataLoop.Run(async io =>
        {
            var ready = new AsyncEvent();
            ready.Set();
            ready.Clear(); // the source Clear puts in place must behave as the first one
            var insideSet = false;
            var waiter = ready.WaitAsync().ContinueWith(_ => ranInsideSet = insideSet, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.FromCurrentSynchronizationContext());
            insideSet = true;
            ready.Set();
            insideSet = false;
            await waiter;
        });
        AssertCompleted(run);
        Judge.That(!ranInsideSet, () => new Verdict("after a Clear, a waiter ran inside the next Set, before Set returned.")
            .Cause("the TaskCompletionSource that Clear makes lacks TaskCreationOptions.RunContinuationsAsynchronously " +
                   "(every source the event makes needs it, not only the first).")
            .Fix("in Clear too: new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)."));
    }

    private static async Task WaitThenPrintAsync(AsyncEvent ready, string name, ProgramIO io)
    {
        await ready.WaitAsync();
        io.Out.WriteLine($"{name} woke");
    }
}
