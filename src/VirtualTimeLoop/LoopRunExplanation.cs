using System.Diagnostics;
using System.Text;

namespace VirtualTimeLoop;

/// <summary>Turns a <see cref="LoopRun"/>'s outcome into words: what happened, the likely cause, and the fix.</summary>
internal static class LoopRunExplanation
{
    public static string Describe(LoopRun run)
    {
        var text = new StringBuilder();
        var exception = run.Exception;
        switch (run.Outcome)
        {
            case LoopOutcome.Completed:
                text.Append("the program ran to its end.");
                break;
            case LoopOutcome.ProgramFailed:
                text.Append("the program failed")
                    .Append(exception is null ? $" ({run.Detail})." : $" with {exception.GetType().Name}: {exception.Message}")
                    .AppendLine()
                    .Append("  The exception reached the top of the program; if it is expected, catch it where the program handles it.");
                AppendWhere(text, exception);
                break;
            case LoopOutcome.NeverCompletes:
                text.Append("the main task can never complete: the loop has nothing ready to run, no timer is pending")
                    .AppendLine(" and no thread is at work, yet the main task is still waiting.")
                    .Append("  Likely: awaiting a TaskCompletionSource nobody completes, a task that was never started (new Task(...) without Start), ")
                    .AppendLine("or work handed to a thread the loop cannot see.")
                    .Append("  Fix: make sure whatever you await is started, or completed by someone, and is awaited on this loop.");
                break;
            case LoopOutcome.RealClockWait:
                text.Append("the program is waiting on the real clock: ").Append(run.Detail).AppendLine(".")
                    .AppendLine("  The loop moves only virtual time; a real timer would make the run wait (or race) in real time.")
                    .AppendLine("  Likely: Task.Delay(delay) or new CancellationTokenSource(delay) without the TimeProvider, task.WaitAsync(delay), or a System.Threading.Timer.")
                    .Append("  Fix: pass the injected TimeProvider: Task.Delay(delay, time), new CancellationTokenSource(delay, time), task.WaitAsync(delay, time).");
                break;
            case LoopOutcome.LoopBlocked:
                text.Append("the loop thread is blocked (").Append(run.Detail).AppendLine("): one step has run for longer than the real-time budget.")
                    .AppendLine("  Likely: .Result, .Wait() or .GetAwaiter().GetResult() on a task that needs this very loop to finish, Thread.Sleep, " +
                                "a blocking library call made on the loop (it belongs on a worker thread), or an endless loop with no await.")
                    .Append("  Fix: await the task instead of blocking on it; sleep with await Task.Delay(delay, time).");
                break;
            case LoopOutcome.WorkerBlocked:
                text.Append("a worker thread (").Append(run.Detail).AppendLine(") is blocked on something other than the virtual clock.")
                    .AppendLine("  Likely: Thread.Sleep, a lock or SemaphoreSlim.Wait() held across a sleep, or .Result on a job queued behind it.")
                    .Append("  Fix: sleep on the virtual clock (block on Task.Delay(delay, time)), and wait for a free slot asynchronously (await semaphore.WaitAsync()).");
                break;
            case LoopOutcome.UnknownThread:
                text.Append("a thread the virtual loop does not know used its clock (").Append(run.Detail).AppendLine(").")
                    .AppendLine("  Likely: a new Thread, or a Task.Run that blocks on the virtual clock (a Task.Run whose work awaits it is fine), " +
                                "or a continuation that left the loop through ConfigureAwait(false) and runs on a thread the loop does not know.")
                    .Append("  Fix: await the sleep instead of blocking on it; or run blocking work on the loop's TaskScheduler " +
                            "(Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.None, threads)), whose threads may block on the virtual clock.");
                break;
            case LoopOutcome.SleepPastHorizon:
                text.Append("the program sleeps past the run's horizon: ").Append(run.Detail).AppendLine(".")
                    .Append("  Likely: a sleep or timeout longer than the horizon (LoopOptions.Horizon). ")
                    .Append("Fix: shorten it, or give the run a longer Horizon if the program really waits that long.");
                break;
            case LoopOutcome.OnlyPeriodicTimers:
                text.Append("the main task never completes: ").Append(run.Detail).AppendLine(".")
                    .AppendLine("  Likely: the main task awaits something no timer completes (a TaskCompletionSource nobody sets, a task never started) " +
                                "while an unrelated PeriodicTimer keeps ticking; or a periodic loop with no end condition.")
                    .Append("  Fix: complete what the main task awaits, or give the periodic loop an end (dispose the PeriodicTimer, cancel its token).");
                break;
            case LoopOutcome.SharedPoolStalled:
                text.Append("work the program put on the shared thread pool held virtual time back: ").Append(run.Detail).AppendLine(".")
                    .AppendLine("  Likely: it blocks on a task that needs this very loop (.Result, .Wait()), sleeps on the real clock (Thread.Sleep), " +
                                "or waits for a lock nobody releases; or, when its items never started, the pool is busy with other work in the process.")
                    .Append("  Fix: await instead of blocking; run blocking work on the loop's threads (the TaskScheduler the program gets).");
                break;
            case LoopOutcome.HorizonReached:
                text.Append("the program never ends: ").Append(run.Detail).AppendLine(", and it is still running.")
                    .Append("  Likely: an endless loop with a sleep in it, or a periodic timer nobody stops. Fix: give the loop an end condition.");
                break;
            case LoopOutcome.StepLimit:
                text.Append("the program never ends: ").Append(run.Detail).AppendLine(", and virtual time is not moving.")
                    .Append("  Likely: an endless loop of awaits (await Task.Yield() or a completed task in a while(true)). Fix: give the loop an end condition.");
                break;
            case LoopOutcome.WallTimeExceeded:
                text.Append("the run took too long in real time (").Append(run.Detail).Append(").")
                    .AppendLine()
                    .Append("  Likely: heavy work on the loop, or a thread that never hands its turn back. Fix: keep the program to awaits and virtual sleeps.");
                break;
            case LoopOutcome.LeftoverWork:
                text.Append("the program ended while work it started was still pending: ").Append(run.Detail).AppendLine(".")
                    .Append("  Likely: a task started and never awaited (fire-and-forget), a delay or CancellationTokenSource timer never cancelled or disposed, or an async void method. ")
                    .Append("Fix: await every task you start (Task.WhenAll), cancel what you abandon, make async void methods async Task.");
                break;
            case LoopOutcome.AsyncVoidThrew:
                text.Append("an exception escaped an async void method (or a callback posted to the loop): ")
                    .Append(exception?.GetType().Name).Append(": ").Append(exception?.Message).AppendLine()
                    .Append("  Nobody can catch it there. Fix: make the method async Task and await it, so the exception reaches the caller.");
                AppendWhere(text, exception);
                break;
            case LoopOutcome.ThreadLimit:
                text.Append("too many blocking jobs at once: ").Append(run.Detail).AppendLine(".")
                    .AppendLine("  Each job blocked on the clock holds a thread of its own; nothing bounds how many run at once.")
                    .Append("  Fix: bound the concurrency (a ConcurrentExclusiveSchedulerPair with maxConcurrencyLevel, or await a SemaphoreSlim before each job), ")
                    .Append("await sleeps instead of blocking on them, or raise LoopOptions.MaxThreads if the program really needs that many threads.");
                break;
            default:
                throw new UnreachableException(run.Outcome.ToString());
        }
        return text.ToString();
    }

    private static void AppendWhere(StringBuilder text, Exception? exception)
    {
        if (SourceFrame(exception) is { } frame) text.AppendLine().Append("  At: ").Append(frame.File).Append(':').Append(frame.Line);
    }

    /// <summary>The first stack frame of <paramref name="exception"/> with a source file, if any.</summary>
    internal static (string File, int Line)? SourceFrame(Exception? exception)
    {
        if (exception is null) return null;
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            if (frame.GetFileName() is { } file) return (file.Replace('\\', '/'), frame.GetFileLineNumber());
        }
        return null;
    }
}
