using AsyncKatas.K11_CallbacksAndResults;

namespace AsyncKatas.Tests.K11_CallbacksAndResults;

[Category("K11")]
public class CallbacksTests
{
    [Test]
    public void DoneCallback_PrintsTheResult()
    {
        var run = KataLoop.Run(io => Callbacks.RunWithCallbackAsync(Callbacks.DoWorkAsync(3, io.Out), io.Out));
        VerifyRun(run, timeline: [0, 0], total: 0);
        AssertPrintedOnTheLoop(run);
    }

    [Test]
    public void DoneCallback_WaitsForATaskThatEndsLater()
    {
        // The article's task ends at once, so a callback called too early cannot be told apart from a
        // done callback. Here the same work takes three virtual seconds.
        Task<string>? task = null;
        var run = KataLoop.Run(io => Callbacks.RunWithCallbackAsync(task = DoWorkLaterAsync(3, io), io.Out));
        // RunWithCallbackAsync returned (the program ended) while the task it was given was still running.
        if (run.Outcome is LoopOutcome.Completed or LoopOutcome.LeftoverWork && task is { IsCompleted: false })
        {
            Judge.Fail(new Verdict($"RunWithCallbackAsync returned at {TextDiff.Seconds(run.Elapsed)}, while the task it was given (do_work, 3 s) was still running.")
                .Printed(run)
                .Cause("attaching the callback only arranges a later call: it does not wait for the task, so the program ends before the callback can print.")
                .Fix("after AddDoneCallback, await the task (as the article's loop.run_until_complete(task) waits for it)."));
        }
        VerifyRun(run, timeline: [0, 3], total: 3);
        AssertPrintedOnTheLoop(run);
    }

    [Test]
    public void AddDoneCallback_CallsBackOnce_OnTheLoop_AfterTheTaskHasEnded()
    {
        var calls = new List<Call>();
        var run = KataLoop.Run(async io =>
        {
            var loopThread = Environment.CurrentManagedThreadId;
            var bothCalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void Record(string name, Task<string> task)
            {
                lock (calls)
                {
                    calls.Add(new Call(name, task.IsCompleted, io.Time.Elapsed, Environment.CurrentManagedThreadId == loopThread));
                    if (calls.Count == 2) bothCalled.TrySetResult();
                }
            }

            var later = DoWorkLaterAsync(2, io);
            var finished = Task.FromResult("Done at once");
            Callbacks.AddDoneCallback(later, task => Record("later", task));
            Callbacks.AddDoneCallback(finished, task => Record("finished", task));
            await bothCalled.Task;
            await later;
            // One more virtual second, for a second call of the same callback to show up.
            await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
        });

        if (run.Outcome == LoopOutcome.NeverCompletes)
        {
            Judge.Fail(new Verdict("a done callback was never called: the program waited for it until the loop ran out of work.")
                .Evidence($"calls seen: {Describe(calls)}")
                .Fix("AddDoneCallback must arrange for the callback to run when the task ends (attach it to the task; do not drop it)."));
        }
        if (run.Outcome == LoopOutcome.LoopBlocked)
        {
            Judge.Fail(new Verdict($"the loop thread was blocked ({run.Detail}) while AddDoneCallback was in use.")
                .Evidence($"calls seen: {Describe(calls)}")
                .Cause("AddDoneCallback waited for the task instead of returning at once.")
                .Fix("return at once and let the task end later: no .Wait(), .Result or GetResult() on an unfinished task."));
        }
        AssertCompleted(run);

        var later = calls.Where(c => c.Task == "later").ToList();
        var finished = calls.Where(c => c.Task == "finished").ToList();
        Judge.All(() =>
        {
            Judge.That(later.All(c => c.TaskHadEnded), () => new Verdict("the callback ran before its task had ended (the task ends at 2 s).")
                .Evidence($"calls: {Describe(later)}")
                .Fix("a done callback must wait for the end of its task: attach it to the task (an awaiter's OnCompleted, " +
                     "ContinueWith, or an await in a small helper) instead of calling it."));
            Judge.That(later.All(c => c.At == TimeSpan.FromSeconds(2)), () => new Verdict("the callback of a task that ends at 2 s ran at another virtual time.")
                .Evidence($"calls: {Describe(later)}"));
            Judge.That(later.Count == 1, $"the callback of a task that ends at 2 s was called {later.Count} time(s); a done callback runs once.");
            Judge.That(finished.Count == 1, $"the callback of a task that had already finished was called {finished.Count} time(s); it must still run, once.");
            Judge.That(calls.All(c => c.OnLoop), () => new Verdict("a callback ran on another thread, not on the loop.")
                .Evidence($"calls: {Describe(calls)}")
                .Fix(OnTheLoopFix));
        });
    }

    [Test]
    public void AddDoneCallback_ReturnsFirst_AndCallsBack_HoweverTheTaskEnded()
    {
        // asyncio calls a done callback whatever way its task ended, and never from inside add_done_callback,
        // not even for a task that has already ended.
        var calls = new List<Call>();
        var attachedBeforeItReturned = new List<string>();
        var run = KataLoop.Run(async io =>
        {
            var loopThread = Environment.CurrentManagedThreadId;
            void Attach(string name, Task<string> task)
            {
                var returned = false;
                Callbacks.AddDoneCallback(task, t =>
                {
                    if (!returned) attachedBeforeItReturned.Add(name);
                    lock (calls) calls.Add(new Call(name, t.IsCompleted, io.Time.Elapsed, Environment.CurrentManagedThreadId == loopThread));
                });
                returned = true;
            }

            Attach("finished already", Task.FromResult("Done at once"));
            Attach("failed already", Task.FromException<string>(new InvalidOperationException("boom")));
            Attach("cancelled already", Task.FromCanceled<string>(new CancellationToken(canceled: true)));
            Attach("fails at 1 s", FailLaterAsync(io));
            Attach("cancelled at 1 s", CancelLaterAsync(io));
            await Task.Delay(TimeSpan.FromSeconds(2), io.Time);
        });

        string[] expected = ["finished already", "failed already", "cancelled already", "fails at 1 s", "cancelled at 1 s"];
        var missing = expected.Where(name => calls.Count(c => c.Task == name) != 1).ToList();
        Judge.All(() =>
        {
            Judge.That(attachedBeforeItReturned.Count == 0, () => new Verdict("AddDoneCallback called the callback itself, before it returned.")
                .Evidence("called from inside AddDoneCallback for", attachedBeforeItReturned)
                .Fix("only arrange the call and return: attach the callback to the task (task.GetAwaiter().OnCompleted(...) or ContinueWith with the " +
                     "loop's scheduler), which queues it on the loop even for a task that has already ended."));
            Judge.That(missing.Count == 0, () => new Verdict("a done callback must be called once, however its task ended (asyncio calls it in every case).")
                .Evidence("not called exactly once for", missing.Select(name => $"the task that {name} (called {calls.Count(c => c.Task == name)} time(s))"))
                .Fix("call back on every ending, not only on success: no TaskContinuationOptions.OnlyOnRanToCompletion, and no await in between " +
                     "that throws for a failed or cancelled task before the callback runs."));
            Judge.That(calls.All(c => c.TaskHadEnded && c.OnLoop), () => new Verdict("a callback ran before its task had ended, or off the loop.")
                .Evidence($"calls: {Describe(calls)}")
                .Fix(OnTheLoopFix));
        });
        AssertCompleted(run);
    }

    [Test]
    public void ReadResult_PrintsTheResultOfTheFinishedTask()
    {
        var run = KataLoop.Run(io => Callbacks.ReadResultAsync(Callbacks.DoWorkAsync(3, io.Out), io.Out));
        VerifyRun(run, timeline: [0, 0], total: 0);
    }

    [Test]
    public void ReadResult_WaitsForATaskThatEndsLater()
    {
        // Reading .Result of a task that has not finished blocks the loop it needs to finish.
        var run = KataLoop.Run(io => Callbacks.ReadResultAsync(DoWorkLaterAsync(3, io), io.Out));
        VerifyRun(run, timeline: [0, 3], total: 3);
    }

    /// <summary>The article's do_work(x), but with a sleep of x virtual seconds before it returns.</summary>
    private static async Task<string> DoWorkLaterAsync(int x, ProgramIO io)
    {
        io.Out.WriteLine($"waiting: {x}");
        await Task.Delay(TimeSpan.FromSeconds(x), io.Time);
        return $"Done after {x} s";
    }

    private static async Task<string> FailLaterAsync(ProgramIO io)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
        throw new InvalidOperationException("boom at 1 s");
    }

    private static async Task<string> CancelLaterAsync(ProgramIO io)
    {
        await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
        throw new OperationCanceledException("cancelled at 1 s");
    }

    private static void AssertPrintedOnTheLoop(LoopRun run)
    {
        var outside = run.Lines.Where(l => l.OutsideLoop).Select(l => l.Text).ToList();
        Judge.That(outside.Count == 0, () => new Verdict("some lines were printed by a callback that ran off the loop.")
            .Evidence("printed off the loop", outside)
            .Fix(OnTheLoopFix));
    }

    /// <summary>How to keep a callback on the loop, whatever way it was attached (the test cannot see which).</summary>
    private const string OnTheLoopFix =
        "run the callback where it was attached, on the loop: ContinueWith(..., TaskScheduler.FromCurrentSynchronizationContext()), " +
        "an awaiter that captures the context (task.GetAwaiter().OnCompleted, never after ConfigureAwait(false)), or an await. " +
        "ContinueWith without a scheduler runs on the thread pool, so its line may even come after the program has ended.";

    private sealed record Call(string Task, bool TaskHadEnded, TimeSpan At, bool OnLoop);

    private static string Describe(IEnumerable<Call> calls)
    {
        lock (calls)
        {
            var text = string.Join(", ", calls.Select(c =>
                $"{c.Task} at {c.At.TotalSeconds:0.0##} s, {(c.TaskHadEnded ? "task ended" : "task still running")}, {(c.OnLoop ? "on the loop" : "off the loop")}"));
            return text.Length == 0 ? "none" : text;
        }
    }
}
