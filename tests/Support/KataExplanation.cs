using System.Diagnostics;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// The library's explanation of a run, in the kata's words: a stub not written yet points at the
/// learner's file, an exception is located in kata code (katas/…/File.cs:line, and the async void
/// method it escaped from), and the fix fits the kata (no thread advice where the kata has no threads).
/// </summary>
public static class KataExplanation
{
    /// <summary>What happened, the likely cause and the fix, for a run of a kata program, as text.</summary>
    public static string ExplainOutcome(LoopRun run) => OutcomeVerdict(run).ToString();

    /// <summary>What happened, the likely cause and the fix, for a run of a kata program.</summary>
    public static Verdict OutcomeVerdict(LoopRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var kata = KataContext.CurrentKata ?? run.Kata;
        var frame = KataFrame(run.Exception);
        if (run.IsNotStarted)
        {
            var message = run.Exception?.Message;
            var notStarted = Verdict.NotStarted(frame is null ? $"katas/{kata.Folder}/" : frame[..frame.LastIndexOf(':')]);
            if (!string.IsNullOrWhiteSpace(message) && message != new NotImplementedException().Message) notStarted.Evidence("The stub says: " + message);
            return notStarted;
        }

        // The library's explanation, field by field; then what this kata knows better.
        var explanation = run.Explanation;
        var verdict = new Verdict(explanation.Observed).Causes([.. explanation.Causes]);
        foreach (var line in explanation.Evidence) verdict.Evidence(line);
        var fix = explanation.Fix;
        switch (run.Outcome)
        {
            case LoopOutcome.UnknownThread:
                fix = KataAdvice.LeaveNoThread(kata);
                break;
            case LoopOutcome.OtherClockWait:
                fix = "sleep and time out on the TimeProvider the kata's method is given, never on a clock of its own (a new FakeTimeProvider(), say).";
                break;
            case LoopOutcome.SharedPoolStalled:
                verdict = new Verdict("work on the shared thread pool (Task.Run, ThreadPool, a ContinueWith without a scheduler) never finished, " +
                                      "so virtual time could not move on.")
                    .Causes("it blocks on a task or future that needs this very loop to finish (.Result, .Wait(), GetResult()),",
                            "it sleeps on the real clock (Thread.Sleep) or waits for a lock or semaphore nobody releases.");
                fix = "await instead of blocking; " + KataAdvice.LeaveNoThread(kata);
                break;
            case LoopOutcome.LeftoverWork:
                verdict = LeftoverVerdict(run.Detail ?? "", run.Leftovers);
                fix = KataAdvice.FinishWhatYouStart(kata);
                break;
            case LoopOutcome.ThreadLimit:
                // The library's fix also offers raising LoopOptions.MaxThreads: the kata's tests set the options, not the learner.
                fix = "bound the concurrency (a ConcurrentExclusiveSchedulerPair with maxConcurrencyLevel, or await a SemaphoreSlim before each job), " +
                      "or await the sleeps instead of blocking a thread on them.";
                break;
            case LoopOutcome.AsyncVoidThrew when run.Exception is OperationCanceledException:
                verdict.Cause("a cancelled wait inside an async void method: the cancellation has no caller to go to.");
                break;
        }
        return verdict.Fix(fix).At(Location(run.Exception, frame));
    }

    /// <summary>What was left running, and the cause each kind of leftover shows.</summary>
    private static Verdict LeftoverVerdict(string detail, PendingWork? left)
    {
        var verdict = new Verdict($"the program ended while work it started was still running: {detail}.");
        if (left is null) return verdict;
        if (left.AsyncVoidMethods > 0)
        {
            verdict.Cause("async void methods were still running when the main task completed: nothing can await an async void method, " +
                          "so the program cannot wait for it (a fixed sleep that happens to last long enough does not count).");
        }
        if (left.TimerDueTimes.Count > 0)
        {
            verdict.Cause("a sleep or timer the program armed was neither awaited nor cancelled (a task started and never awaited, " +
                          "a timeout's delay or a CancellationTokenSource timer left running).");
        }
        if (left.Jobs > 0)
        {
            verdict.Cause("jobs handed to the loop's threads were not awaited before the program returned.");
        }
        return verdict;
    }

    /// <summary>The kata frame, and the async void method the exception escaped from, if it did.</summary>
    private static string? Location(Exception? exception, string? frame)
    {
        if (exception is null || frame is null) return frame;
        var asyncVoid = AsyncVoidFrame(exception);
        if (asyncVoid is null) return frame;
        return asyncVoid.Value.Frame == frame
            ? $"{frame}, in the async void method {asyncVoid.Value.Method}"
            : $"{frame}; it escaped from the async void method {asyncVoid.Value.Method} ({asyncVoid.Value.Frame})";
    }

    /// <summary>The first stack frame in kata code ("katas/K03_AwaitChains/AwaitChains.cs:12"), if any.</summary>
    internal static string? KataFrame(Exception? exception)
    {
        if (exception is null) return null;
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            if (KataPath(frame) is { } path) return path;
        }
        return null;
    }

    /// <summary>The frame of an async void method's state machine in kata code, with the method's name.</summary>
    private static (string Frame, string Method)? AsyncVoidFrame(Exception exception)
    {
        foreach (var frame in new StackTrace(exception, fNeedFileInfo: true).GetFrames())
        {
            if (KataPath(frame) is not { } path || frame.GetMethod() is not { Name: "MoveNext" } moveNext) continue;
            var machine = moveNext.DeclaringType;
            var owner = machine?.DeclaringType;
            if (machine is null || owner is null) continue;
            var kickoff = owner.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .FirstOrDefault(m => m.GetCustomAttribute<AsyncStateMachineAttribute>()?.StateMachineType == machine);
            if (kickoff is { ReturnType: var type } && type == typeof(void)) return (path, $"{owner.Name}.{kickoff.Name}");
        }
        return null;
    }

    private static string? KataPath(StackFrame frame)
    {
        return KataCatalog.CodePath(frame.GetFileName()) is { } path ? $"{path}:{frame.GetFileLineNumber()}" : null;
    }
}
