using System.Diagnostics;
using System.Text;

namespace AsyncKatas.Tests.Harness;

/// <summary>What one run on the <see cref="VirtualLoop"/> printed, when, and how it ended.</summary>
public sealed record LoopRun(
    Kata Kata,
    LoopOutcome Outcome,
    string? Detail,
    Exception? Exception,
    string Output,
    IReadOnlyList<PrintedLine> Lines,
    TimeSpan Elapsed,
    TimeSpan WallTime,
    TimeSpan CpuTime,
    long Steps,
    long TimersFired,
    int TimersLeft,
    int ThreadsCreated,
    Task? MainTask)
{
    /// <summary>The explanation a learner sees: the kata, what happened, the likely cause, and what to do.</summary>
    public string Explain() => $"{Kata.Id} {Kata.Folder[4..]}: {ExplainOutcome()}";

    /// <summary>What happened, the likely cause, and what to do (without the kata's name).</summary>
    public string ExplainOutcome()
    {
        var text = new StringBuilder();
        switch (Outcome)
        {
            case LoopOutcome.Completed:
                text.Append("the program ran to its end.");
                break;
            case LoopOutcome.NotStarted:
                text.Append("not started yet: open ").Append(StubLocation()).Append(" and replace the NotImplementedException.");
                if (!string.IsNullOrWhiteSpace(Exception?.Message) && Exception.Message != new NotImplementedException().Message)
                {
                    text.AppendLine().Append("  The stub says: ").Append(Exception.Message);
                }
                break;
            case LoopOutcome.ProgramFailed:
                text.Append("the program failed")
                    .Append(Exception is null ? $" ({Detail})." : $" with {Exception.GetType().Name}: {Exception.Message}")
                    .AppendLine()
                    .Append("  The exception reached the top of the program; if the kata expects it, catch it where the article handles it.");
                AppendWhere(text);
                break;
            case LoopOutcome.NeverCompletes:
                text.Append("the main task can never complete: the loop has nothing ready to run, no timer is pending")
                    .AppendLine(" and no thread is at work, yet the main task is still waiting.")
                    .Append("  Likely: awaiting a TaskCompletionSource nobody completes, a task that was never started (new Task(...) without Start), ")
                    .AppendLine("or work handed to a thread the loop cannot see.")
                    .Append("  Fix: make sure whatever you await is started, or completed by someone, and is awaited on this loop.");
                break;
            case LoopOutcome.RealClockWait:
                text.AppendLine("the program is waiting on the real clock: nothing is scheduled on the virtual clock, but a real timer is.")
                    .Append("  Likely: Task.Delay(delay) or new CancellationTokenSource(delay) without the TimeProvider.")
                    .AppendLine()
                    .Append("  Fix: pass the injected TimeProvider: Task.Delay(delay, time), new CancellationTokenSource(delay, time), task.WaitAsync(delay, time).");
                break;
            case LoopOutcome.LoopBlocked:
                text.Append("the loop thread is blocked (").Append(Detail).AppendLine("): one step has run for longer than the real-time budget.")
                    .AppendLine("  Likely: .Result, .Wait() or .GetAwaiter().GetResult() on a task that needs this very loop to finish, Thread.Sleep, " +
                                "a blocking library call made on the loop (it belongs on a worker thread), or an endless loop with no await.")
                    .Append("  Fix: await the task instead of blocking on it; sleep with await Task.Delay(delay, time).");
                break;
            case LoopOutcome.WorkerBlocked:
                text.Append("a worker thread (").Append(Detail).AppendLine(") is blocked on something other than the virtual clock.")
                    .AppendLine("  Likely: Thread.Sleep, a lock or SemaphoreSlim.Wait() held across a sleep, or .Result on a job queued behind it.")
                    .Append("  Fix: sleep on the virtual clock (block on Task.Delay(delay, time)), and wait for a free slot asynchronously (await semaphore.WaitAsync()).");
                break;
            case LoopOutcome.UnknownThread:
                text.Append("a thread the virtual loop does not know used its clock (").Append(Detail).AppendLine(").")
                    .AppendLine("  Likely: Task.Run, ThreadPool or new Thread (they use the real thread pool), or a continuation that left the loop through ConfigureAwait(false).")
                    .Append("  Fix: run blocking work on the TaskScheduler the kata gives you (Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.None, threads)), and drop ConfigureAwait(false) in kata code.");
                break;
            case LoopOutcome.HorizonReached:
                text.Append("the program never ends: ").Append(Detail).AppendLine(" and it is still running.")
                    .Append("  Likely: an endless loop with a sleep in it, or a periodic timer nobody stops. Fix: give the loop an end condition.");
                break;
            case LoopOutcome.StepLimit:
                text.Append("the program never ends: ").Append(Detail).AppendLine(", and virtual time is not moving.")
                    .Append("  Likely: an endless loop of awaits (await Task.Yield() or a completed task in a while(true)). Fix: give the loop an end condition.");
                break;
            case LoopOutcome.WallTimeExceeded:
                text.Append("the run took too long in real time (").Append(Detail).Append(").")
                    .AppendLine()
                    .Append("  Likely: heavy work on the loop, or a thread that never hands its turn back. Fix: keep kata code to awaits and virtual sleeps.");
                break;
            case LoopOutcome.LeftoverWork:
                text.Append("the program ended while work it started was still pending: ").Append(Detail).AppendLine(".")
                    .Append("  Likely: a task started and never awaited (fire-and-forget), a delay or CancellationTokenSource timer never cancelled or disposed, or an async void method. ")
                    .Append("Fix: await every task you start (Task.WhenAll), cancel what you abandon, make async void methods async Task.");
                break;
            case LoopOutcome.AsyncVoidThrew:
                text.Append("an exception escaped an async void method (or a callback posted to the loop): ")
                    .Append(Exception?.GetType().Name).Append(": ").Append(Exception?.Message).AppendLine()
                    .Append("  Nobody can catch it there. Fix: make the method async Task and await it, so the exception reaches the caller.");
                AppendWhere(text);
                break;
            default:
                throw new UnreachableException(Outcome.ToString());
        }
        return text.ToString();
    }

    private void AppendWhere(StringBuilder text)
    {
        var frame = KataFrame();
        if (frame is not null) text.AppendLine().Append("  At: ").Append(frame);
    }

    /// <summary>The first stack frame in kata code ("katas/K03_AwaitChains/AwaitChains.cs:12"), if any.</summary>
    private string? KataFrame()
    {
        if (Exception is null) return null;
        foreach (var frame in new StackTrace(Exception, fNeedFileInfo: true).GetFrames())
        {
            var file = frame.GetFileName();
            if (file is null) continue;
            var path = file.Replace('\\', '/');
            foreach (var tree in new[] { "/katas/", "/solutions/" })
            {
                var at = path.LastIndexOf(tree, StringComparison.Ordinal);
                if (at >= 0) return $"{path[(at + 1)..]}:{frame.GetFileLineNumber()}";
            }
        }
        return null;
    }

    private string StubLocation()
    {
        var frame = KataFrame();
        return frame is null ? $"katas/{Kata.Folder}/" : frame[..frame.LastIndexOf(':')];
    }
}
