using System.Diagnostics;

namespace VirtualTimeLoop;

/// <summary>Turns a <see cref="LoopRun"/>'s outcome into a <see cref="LoopExplanation"/>: what happened, the evidence, the causes that fit it, and the fix.</summary>
internal static class LoopRunExplanation
{
    private const string AwaitFix = "await the task instead of blocking on it; sleep with await Task.Delay(delay, time).";
    private const string EndCondition = "give the loop an end condition.";

    public static LoopExplanation Describe(LoopRun run)
    {
        var exception = run.Exception;
        string[] none = [];
        return run.Outcome switch
        {
            LoopOutcome.Completed => new("the program ran to its end.", none, none, null, null),
            LoopOutcome.ProgramFailed => new(
                "the program failed" + (exception is null ? $" ({run.Detail})." : $" with {exception.GetType().Name}: {exception.Message}"),
                ["The exception reached the top of the program."], none,
                "if it is expected, catch it where the program handles it.", SourceFrame(exception)),
            LoopOutcome.NeverCompletes => new(
                "the main task can never complete: the loop has nothing ready to run, no timer is pending and no thread is at work, yet the main task is still waiting.",
                none,
                ["awaiting a TaskCompletionSource nobody completes,", "a task that was never started (new Task(...) without Start),",
                 "work handed to a thread the loop cannot see,", "a timer of another TimeProvider (a FakeTimeProvider nobody advances, a second clock)."],
                "make sure whatever you await is started, or completed by someone, and is awaited on this loop, with the loop's clock.", null),
            LoopOutcome.OtherClockWait => new($"the main task can never complete: {run.Detail}.",
                ["The loop moves only its own clock, when everything waits; nobody moves the time of that other clock."],
                ["the code under test got a TimeProvider of its own (a new FakeTimeProvider, a clock from a fixture) instead of the run's."],
                "give the code under test the run's clock: env.Time (with VirtualTimeLoop.FakeTime, env.FakeTime() where a FakeTimeProvider is needed).", null),
            LoopOutcome.RealClockWait => new($"the program is waiting on the real clock: {run.Detail}.",
                ["The loop moves only virtual time; a real timer would make the run wait (or race) in real time."],
                ["Task.Delay(delay) or new CancellationTokenSource(delay) without the TimeProvider,", "task.WaitAsync(delay) without it,", "a System.Threading.Timer."],
                "pass the injected TimeProvider: Task.Delay(delay, time), new CancellationTokenSource(delay, time), task.WaitAsync(delay, time).", null),
            LoopOutcome.LoopBlocked => new($"the loop thread is blocked ({run.Detail}): one step has run for longer than the real-time budget.", none,
                [".Result, .Wait() or .GetAwaiter().GetResult() on a task that needs this very loop to finish,", "Thread.Sleep,",
                 "a blocking library call made on the loop (it belongs on a worker thread),", "an endless loop with no await."],
                AwaitFix, null),
            LoopOutcome.WorkerBlocked => new($"a worker thread ({run.Detail}) is blocked on something other than the virtual clock.", none,
                ["Thread.Sleep,", "a lock or SemaphoreSlim.Wait() held across a sleep,", ".Result on a job queued behind it."],
                "sleep on the virtual clock (block on Task.Delay(delay, time)), and wait for a free slot asynchronously (await semaphore.WaitAsync()).", null),
            LoopOutcome.SharedPoolStalled => new($"work the program put on the shared thread pool held virtual time back: {run.Detail}.", none,
                ["it blocks on a task that needs this very loop (.Result, .Wait()),", "it sleeps on the real clock (Thread.Sleep),",
                 "it waits for a lock nobody releases,", "its items never started because the pool is busy with other work in the process."],
                "await instead of blocking; run blocking work on the loop's threads (the TaskScheduler the program gets).", null),
            LoopOutcome.UnknownThread => new($"a thread the virtual loop does not know used its clock ({run.Detail}).", none,
                ["a new Thread,", "a Task.Run that blocks on the virtual clock (a Task.Run whose work awaits it is fine),",
                 "a continuation that left the loop through ConfigureAwait(false) and runs on a thread the loop does not know."],
                "await the sleep instead of blocking on it; or run blocking work on the loop's TaskScheduler " +
                "(Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.None, threads)), whose threads may block on the virtual clock.", null),
            LoopOutcome.SleepPastHorizon => new($"the program sleeps past the run's horizon: {run.Detail}.", none,
                ["a sleep or timeout longer than the horizon (LoopOptions.Horizon)."],
                "shorten it, or give the run a longer Horizon if the program really waits that long.", null),
            LoopOutcome.OnlyPeriodicTimers => new($"the main task never completes: {run.Detail}.", none,
                ["the main task awaits something no timer completes (a TaskCompletionSource nobody sets, a task never started) while an unrelated PeriodicTimer keeps ticking,",
                 "a periodic loop with no end condition."],
                "complete what the main task awaits, or give the periodic loop an end (dispose the PeriodicTimer, cancel its token).", null),
            LoopOutcome.HorizonReached => new($"the program never ends: {run.Detail}, and it is still running.", none,
                ["an endless loop with a sleep in it,", "a periodic timer nobody stops."], EndCondition, null),
            LoopOutcome.StepLimit => new($"the program never ends: {run.Detail}, and virtual time is not moving.", none,
                ["an endless loop of awaits (await Task.Yield() or a completed task in a while(true))."], EndCondition, null),
            LoopOutcome.WallTimeExceeded => new($"the run took too long in real time ({run.Detail}).", none,
                ["heavy work on the loop,", "a thread that never hands its turn back."], "keep the program to awaits and virtual sleeps.", null),
            LoopOutcome.LeftoverWork => new($"the program ended while work it started was still pending: {run.Detail}.", none,
                LeftoverCauses(run.Leftovers),
                "await every task you start (Task.WhenAll), cancel what you abandon, make async void methods async Task.", null),
            LoopOutcome.AsyncVoidThrew => new(
                $"an exception escaped an async void method (or a callback posted to the loop): {exception?.GetType().Name}: {exception?.Message}",
                ["Nobody can catch it there."], none,
                "make the method async Task and await it, so the exception reaches the caller.", SourceFrame(exception)),
            LoopOutcome.ThreadLimit => new($"too many blocking jobs at once: {run.Detail}.",
                ["Each job blocked on the clock holds a thread of its own; nothing bounds how many run at once."], none,
                "bound the concurrency (a ConcurrentExclusiveSchedulerPair with maxConcurrencyLevel, or await a SemaphoreSlim before each job), " +
                "await sleeps instead of blocking on them, or raise LoopOptions.MaxThreads if the program really needs that many threads.", null),
            _ => throw new UnreachableException(run.Outcome.ToString()),
        };
    }

    /// <summary>One cause per kind of work left pending: each is what the evidence shows.</summary>
    private static string[] LeftoverCauses(PendingWork? left)
    {
        var causes = new List<string>();
        if (left is null || left.TimerDueTimes.Count > 0)
        {
            causes.Add("a task started and never awaited (fire-and-forget), or a delay or CancellationTokenSource timer never cancelled or disposed.");
        }
        if (left?.Jobs > 0) causes.Add("jobs handed to the loop's threads that nobody awaited.");
        if (left?.AsyncVoidMethods > 0) causes.Add("an async void method, which nobody can await.");
        return [.. causes];
    }

    /// <summary>The first stack frame of <paramref name="exception"/> with a source file, if any.</summary>
    internal static SourceLocation? SourceFrame(Exception? exception)
    {
        if (exception is null) return null;
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            if (frame.GetFileName() is { } file) return new SourceLocation(file.Replace('\\', '/'), frame.GetFileLineNumber());
        }
        return null;
    }
}
