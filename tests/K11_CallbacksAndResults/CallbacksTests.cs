using AsyncKatas.K11_CallbacksAndResults;

namespace AsyncKatas.Tests.K11_CallbacksAndResults;

[Category("K11")]
public class CallbacksTests
{
    [Test]
    public void DoneCallback_PrintsTheResult()
    {
        var run = KataLoop.Run("K11", io => Callbacks.RunWithCallbackAsync(Callbacks.DoWorkAsync(3, io.Out), io.Out));
        VerifyRun(run, timeline: [0, 0], total: 0);
        AssertPrintedOnTheLoop(run);
    }

    [Test]
    public void DoneCallback_WaitsForATaskThatEndsLater()
    {
        // The article's task ends at once, so a callback called too early cannot be told apart from a
        // done callback. Here the same work takes three virtual seconds.
        var run = KataLoop.Run("K11", io => Callbacks.RunWithCallbackAsync(DoWorkLaterAsync(3, io), io.Out));
        VerifyRun(run, timeline: [0, 3], total: 3);
        AssertPrintedOnTheLoop(run);
    }

    [Test]
    public void AddDoneCallback_CallsBackOnce_OnTheLoop_AfterTheTaskHasEnded()
    {
        var calls = new List<Call>();
        var run = KataLoop.Run("K11", async io =>
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
            Assert.Fail($"A done callback was never called (calls seen: {Describe(calls)}). " +
                        "AddDoneCallback must arrange for the callback to run when the task ends.\n" + run.Explain());
        }
        if (run.Outcome == LoopOutcome.LoopBlocked)
        {
            Assert.Fail("AddDoneCallback blocked the loop: it must return at once and let the task end later " +
                        "(no .Wait(), .Result or GetResult() on an unfinished task).\n" + run.Explain());
        }
        AssertCompleted(run);

        var later = calls.Where(c => c.Task == "later").ToList();
        var finished = calls.Where(c => c.Task == "finished").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(later.All(c => c.TaskHadEnded), Is.True,
                $"The callback ran before its task had ended ({Describe(later)}; the task ends at 2 s). " +
                "A done callback must wait for the end of its task: attach it to the task (an awaiter's OnCompleted, " +
                "ContinueWith, or an await in a small helper) instead of calling it.");
            Assert.That(later.Select(c => c.At), Is.All.EqualTo(TimeSpan.FromSeconds(2)),
                $"The callback of a task that ends at 2 s ran at the wrong virtual time ({Describe(later)}).");
            Assert.That(later, Has.Count.EqualTo(1),
                $"The callback of a task that ends at 2 s was called {later.Count} times; a done callback runs once.");
            Assert.That(finished, Has.Count.EqualTo(1),
                $"The callback of a task that had already finished was called {finished.Count} times; it must still run, once.");
            Assert.That(calls.All(c => c.OnLoop), Is.True,
                $"A callback ran on another thread, not on the loop ({Describe(calls)}). ContinueWith without a scheduler runs " +
                "on the thread pool: pass TaskScheduler.FromCurrentSynchronizationContext() (or use the task's awaiter, or await).");
        });
    }

    [Test]
    public void ReadResult_PrintsTheResultOfTheFinishedTask()
    {
        var run = KataLoop.Run("K11", io => Callbacks.ReadResultAsync(Callbacks.DoWorkAsync(3, io.Out), io.Out));
        VerifyRun(run, timeline: [0, 0], total: 0);
    }

    [Test]
    public void ReadResult_WaitsForATaskThatEndsLater()
    {
        // Reading .Result of a task that has not finished blocks the loop it needs to finish.
        var run = KataLoop.Run("K11", io => Callbacks.ReadResultAsync(DoWorkLaterAsync(3, io), io.Out));
        VerifyRun(run, timeline: [0, 3], total: 3);
    }

    /// <summary>The article's do_work(x), but with a sleep of x virtual seconds before it returns.</summary>
    private static async Task<string> DoWorkLaterAsync(int x, ProgramIO io)
    {
        io.Out.WriteLine($"waiting: {x}");
        await Task.Delay(TimeSpan.FromSeconds(x), io.Time);
        return $"Done after {x} s";
    }

    private static void AssertPrintedOnTheLoop(LoopRun run)
    {
        var outside = run.Lines.Where(l => l.OutsideLoop).Select(l => l.Text).ToList();
        Assert.That(outside, Is.Empty,
            $"These lines were printed by a callback that ran off the loop: {string.Join(" | ", outside)}. " +
            "ContinueWith without a scheduler runs on the thread pool, so its line may even come after the program has ended: " +
            "pass TaskScheduler.FromCurrentSynchronizationContext() (or use the task's awaiter, or await).");
    }

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
