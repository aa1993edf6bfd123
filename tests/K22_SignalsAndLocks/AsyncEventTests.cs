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
        Judge.That(!setBefore, KataText.Text("K22.StartsSet"));
        var woke = run.Lines.Select(l => l.Text).Where(t => t.EndsWith(" woke", StringComparison.Ordinal)).ToList();
        if (woke.Order().SequenceEqual(["a woke", "b woke", "c woke"]) && !woke.SequenceEqual(["a woke", "b woke", "c woke"]))
        {
            Judge.Fail(new Verdict(KataText.Text("K22.WokeOutOfOrder"))
                .Evidence(KataText.Format("K22.Evidence.Woke", Listing.Inline(woke)))
                .Cause(KataText.Text("K22.Cause.RunsWaitersItself"))
                .Fix(KataText.Text("K22.Fix.QueueEveryWaiter")));
        }
        TimedLines.Check(run, KataText.Text("K22.Situation.ThreeWaiters"),
            [("set (waiters done before: 0)", 2), ("a woke", 2), ("b woke", 2), ("c woke", 2), ("IsSet True", 2)],
            KataText.Text("K22.Fix.OneSource"));
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
            Judge.Fail(new Verdict(KataText.Format("K22.SecondSetThrew", run.Exception.Message))
                .Cause(KataText.Text("K22.Cause.SetResultThrows"))
                .Fix(KataText.Text("K22.Fix.TrySetResult"))
                .At(KataExplanation.KataFrame(run.Exception)));
        }
        if (run.Outcome == LoopOutcome.NeverCompletes && run.Output.Contains("set twice, IsSet True", StringComparison.Ordinal)
            && run.Output.Contains("WaitAsync already done: False", StringComparison.Ordinal))
        {
            Judge.Fail(new Verdict(KataText.Text("K22.WaitWhileSet"))
                .Printed(run)
                .Cause(KataText.Text("K22.Cause.AlwaysWaitsForNextSet"))
                .Fix(KataText.Text("K22.Fix.CompletedWhileSet")));
        }
        TimedLines.Check(run, KataText.Text("K22.Situation.SetTwice"),
            [("set twice, IsSet True", 0), ("WaitAsync already done: True", 0), ("late woke", 0)],
            KataText.Text("K22.Fix.CompleteTaskWhileSet"));
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
        TimedLines.Check(run, KataText.Text("K22.Situation.SetClearSet"),
            [("cleared, IsSet False", 1), ("set again", 3), ("after clear woke", 3)],
            KataText.Text("K22.Fix.ClearMakesNewSource"));
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
            Judge.Fail(new Verdict(KataText.Text("K22.EarlyWaiterNeverWoke"))
                .Printed(run)
                .Cause(KataText.Text("K22.Cause.ClearReplacedUnset"))
                .Fix(KataText.Text("K22.Fix.ReplaceOnlyWhenSet")));
        }
        TimedLines.Check(run, KataText.Text("K22.Situation.ClearBeforeSet"),
            [("set", 2), ("early woke", 2)],
            KataText.Text("K22.Fix.ClearUnsetChangesNothing"));
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
        Judge.That(!ranInsideSet, () => new Verdict(KataText.Text("K22.RanInsideSet"))
            .Cause(KataText.Text("K22.Cause.RunsOnTheSpot"))
            .Fix(KataText.Text("K22.Fix.AsyncContinuationsEverySource")));
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
        Judge.That(!ranInsideSet, () => new Verdict(KataText.Text("K22.RanInsideSetAfterClear"))
            .Cause(KataText.Text("K22.Cause.ClearSourceLacksOption"))
            .Fix(KataText.Text("K22.Fix.InClearToo")));
    }

    private static async Task WaitThenPrintAsync(AsyncEvent ready, string name, ProgramIO io)
    {
        await ready.WaitAsync();
        io.Out.WriteLine($"{name} woke");
    }
}
