using System.Diagnostics;

namespace VirtualTimeLoop;

/// <summary>Turns a <see cref="LoopRun"/>'s outcome into a <see cref="LoopExplanation"/>: the evidence, the causes that fit it, and the fix, by key.</summary>
internal static class LoopRunExplanation
{
    public static LoopExplanation Describe(LoopRun run)
    {
        var (causes, fix) = CausesAndFix(run);
        var location = run.Outcome is LoopOutcome.ProgramFailed or LoopOutcome.AsyncVoidThrew ? SourceFrame(run.Exception) : null;
        return new(run.Outcome, run.Evidence, run.Exception, causes, fix, location);
    }

    private static (LoopCause[] Causes, LoopFix? Fix) CausesAndFix(LoopRun run) => run.Outcome switch
    {
        LoopOutcome.Completed => ([], null),
        LoopOutcome.ProgramFailed => ([], LoopFix.CatchExpectedException),
        LoopOutcome.NeverCompletes => ([LoopCause.UncompletedTaskCompletionSource, LoopCause.TaskNeverStarted, LoopCause.WorkOnUnseenThread, LoopCause.OtherClockTimer],
            LoopFix.StartAndCompleteWhatIsAwaited),
        LoopOutcome.OtherClockWait => ([LoopCause.OwnTimeProvider], LoopFix.UseTheRunsClock),
        LoopOutcome.RealClockWait => run.Evidence is RealClockTimerArmed { ThroughDependency: true }
            ? ([LoopCause.DependencyArmedRealTimer], LoopFix.GiveTheDependencyTheClock)
            : ([LoopCause.RealClockDelay, LoopCause.RealClockWaitAsync, LoopCause.RealClockTimer], LoopFix.PassTheTimeProvider),
        LoopOutcome.LoopBlocked => ([LoopCause.BlockingOnLoopTask, LoopCause.ThreadSleep, LoopCause.BlockingCallOnLoop, LoopCause.EndlessLoopWithoutAwait],
            LoopFix.AwaitInsteadOfBlocking),
        LoopOutcome.WorkerBlocked => ([LoopCause.ThreadSleep, LoopCause.LockHeldAcrossSleep, LoopCause.ResultOfQueuedJob], LoopFix.SleepOnTheVirtualClock),
        LoopOutcome.SharedPoolStalled => ([LoopCause.PoolWorkBlocksOnLoop, LoopCause.PoolWorkSleepsOnRealClock, LoopCause.PoolWorkWaitsForLock, LoopCause.PoolBusyWithOtherWork],
            LoopFix.AwaitOrUseTheLoopsThreads),
        LoopOutcome.UnknownThread => ([LoopCause.NewThread, LoopCause.TaskRunBlockingOnClock, LoopCause.ConfigureAwaitFalse], LoopFix.BlockOnlyOnTheLoopsThreads),
        LoopOutcome.SleepPastHorizon => ([LoopCause.SleepLongerThanHorizon], LoopFix.ShortenSleepOrExtendHorizon),
        LoopOutcome.OnlyPeriodicTimers => ([LoopCause.AwaitsWhilePeriodicTimerTicks, LoopCause.PeriodicLoopWithoutEnd], LoopFix.EndThePeriodicLoop),
        LoopOutcome.HorizonReached => ([LoopCause.EndlessLoopWithSleep, LoopCause.PeriodicTimerNeverStopped], LoopFix.GiveTheLoopAnEnd),
        LoopOutcome.StepLimit => ([LoopCause.EndlessLoopOfAwaits], LoopFix.GiveTheLoopAnEnd),
        LoopOutcome.WallTimeExceeded => ([LoopCause.HeavyWorkOnLoop, LoopCause.ThreadNeverHandsBack], LoopFix.KeepToAwaits),
        LoopOutcome.LeftoverWork => (LeftoverCauses(run.Leftovers), LoopFix.AwaitEverythingStarted),
        LoopOutcome.AsyncVoidThrew => ([], LoopFix.MakeAsyncVoidAsyncTask),
        LoopOutcome.ThreadLimit => ([], LoopFix.BoundTheConcurrency),
        _ => throw new UnreachableException(run.Outcome.ToString()),
    };

    /// <summary>One cause per kind of work left pending: each is what the evidence shows.</summary>
    private static LoopCause[] LeftoverCauses(PendingWork? left)
    {
        var causes = new List<LoopCause>();
        if (left?.AsyncVoidMethods > 0) causes.Add(LoopCause.LeftoverAsyncVoid);
        if (left?.TimerDueTimes.Count > 0) causes.Add(LoopCause.LeftoverTimer);
        if (left?.Jobs > 0) causes.Add(LoopCause.LeftoverJobs);
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
