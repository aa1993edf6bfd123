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
            Judge.Fail(new Verdict(KataText.Format("K11.ReturnedBeforeTheTask", TextDiff.Seconds(run.Elapsed)))
                .Printed(run)
                .Cause(KataText.Text("K11.Cause.AttachingDoesNotWait"))
                .Fix(KataText.Text("K11.Fix.AwaitTheTask")));
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
            Callbacks.AddDoneCallback(later, task => Record(Later, task));
            Callbacks.AddDoneCallback(finished, task => Record(Finished, task));
            await bothCalled.Task;
            await later;
            // One more virtual second, for a second call of the same callback to show up.
            await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
        });

        if (run.Outcome == LoopOutcome.NeverCompletes)
        {
            Judge.Fail(new Verdict(KataText.Text("K11.NeverCalled"))
                .Evidence(KataText.Format("K11.Evidence.CallsSeen", Describe(calls)))
                .Fix(KataText.Text("K11.Fix.AttachDoNotDrop")));
        }
        if (run.Outcome == LoopOutcome.LoopBlocked)
        {
            Judge.Fail(new Verdict(KataText.Format("K11.LoopBlocked", run.Detail))
                .Evidence(KataText.Format("K11.Evidence.CallsSeen", Describe(calls)))
                .Cause(KataText.Text("K11.Cause.WaitedForTheTask"))
                .Fix(KataText.Text("K11.Fix.ReturnAtOnce")));
        }
        AssertCompleted(run);

        var later = calls.Where(c => c.Task == Later).ToList();
        var finished = calls.Where(c => c.Task == Finished).ToList();
        Judge.All(() =>
        {
            Judge.That(later.All(c => c.TaskHadEnded), () => new Verdict(KataText.Text("K11.CalledBeforeTheEnd"))
                .Evidence(KataText.Format("K11.Evidence.Calls", Describe(later)))
                .Fix(KataText.Text("K11.Fix.AttachToTheTask")));
            Judge.That(later.All(c => c.At == TimeSpan.FromSeconds(2)), () => new Verdict(KataText.Text("K11.CalledAtAnotherTime"))
                .Evidence(KataText.Format("K11.Evidence.Calls", Describe(later))));
            Judge.That(later.Count == 1, KataText.Format("K11.CalledNotOnce", later.Count));
            Judge.That(finished.Count == 1, KataText.Format("K11.FinishedCalledNotOnce", finished.Count));
            Judge.That(calls.All(c => c.OnLoop), () => new Verdict(KataText.Text("K11.CalledOffTheLoop"))
                .Evidence(KataText.Format("K11.Evidence.Calls", Describe(calls)))
                .Fix(OnTheLoopFix()));
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
                    // Called from inside AddDoneCallback: on this thread, before the call returned. A pool thread that
                    // runs the callback meanwhile is a different mistake (off the loop), judged below.
                    if (!returned && Environment.CurrentManagedThreadId == loopThread) attachedBeforeItReturned.Add(name);
                    lock (calls) calls.Add(new Call(name, t.IsCompleted, io.Time.Elapsed, Environment.CurrentManagedThreadId == loopThread));
                });
                returned = true;
            }

            Attach("K11.Ending.FinishedAlready", Task.FromResult("Done at once"));
            Attach("K11.Ending.FailedAlready", Task.FromException<string>(new InvalidOperationException("boom")));
            Attach("K11.Ending.CancelledAlready", Task.FromCanceled<string>(new CancellationToken(canceled: true)));
            Attach("K11.Ending.FailsLater", FailLaterAsync(io));
            Attach("K11.Ending.CancelledLater", CancelLaterAsync(io));
            await Task.Delay(TimeSpan.FromSeconds(2), io.Time);
        });

        string[] expected = ["K11.Ending.FinishedAlready", "K11.Ending.FailedAlready", "K11.Ending.CancelledAlready", "K11.Ending.FailsLater", "K11.Ending.CancelledLater"];
        var missing = expected.Where(name => calls.Count(c => c.Task == name) != 1).ToList();
        Judge.All(() =>
        {
            Judge.That(attachedBeforeItReturned.Count == 0, () => new Verdict(KataText.Text("K11.CalledBeforeReturning"))
                .Evidence(KataText.Text("K11.Evidence.CalledFromInside"), attachedBeforeItReturned.Select(KataText.Text))
                .Fix(KataText.Text("K11.Fix.OnlyArrange")));
            Judge.That(missing.Count == 0, () => new Verdict(KataText.Text("K11.NotCalledOnEveryEnding"))
                .Evidence(KataText.Text("K11.Evidence.NotCalledOnce"),
                    missing.Select(name => KataText.Format("K11.TaskThatEnded", KataText.Text(name), calls.Count(c => c.Task == name))))
                .Fix(KataText.Text("K11.Fix.EveryEnding")));
            Judge.That(calls.All(c => c.TaskHadEnded && c.OnLoop), () => new Verdict(KataText.Text("K11.CalledEarlyOrOffTheLoop"))
                .Evidence(KataText.Format("K11.Evidence.Calls", Describe(calls)))
                .Fix(OnTheLoopFix()));
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
        Judge.That(outside.Count == 0, () => new Verdict(KataText.Text("K11.PrintedOffTheLoop"))
            .Evidence(KataText.Text("K11.Evidence.PrintedOffTheLoop"), outside)
            .Fix(OnTheLoopFix()));
    }

    /// <summary>How to keep a callback on the loop, whatever way it was attached (the test cannot see which).</summary>
    private static string OnTheLoopFix() => KataText.Text("K11.Fix.OnTheLoop");

    /// <summary>The two tasks of AddDoneCallback_CallsBackOnce_OnTheLoop_AfterTheTaskHasEnded, by the keys of their names.</summary>
    private const string Later = "K11.Task.Later";
    private const string Finished = "K11.Task.Finished";

    /// <summary>One call of a callback; <paramref name="Task"/> is the catalogue key of the task's name.</summary>
    private sealed record Call(string Task, bool TaskHadEnded, TimeSpan At, bool OnLoop);

    private static string Describe(IEnumerable<Call> calls)
    {
        lock (calls)
        {
            var text = string.Join(", ", calls.Select(c => KataText.Format("K11.Call", KataText.Text(c.Task), c.At.TotalSeconds,
                KataText.Text(c.TaskHadEnded ? "K11.TaskEnded" : "K11.TaskStillRunning"), KataText.Text(c.OnLoop ? "K11.OnTheLoop" : "K11.OffTheLoop"))));
            return text.Length == 0 ? KataText.Text("K11.NoCalls") : text;
        }
    }
}
