namespace VirtualTimeLoop;

/// <summary>
/// A cause the library can name for a run that did not complete, under a stable key: a layer above
/// may say it in its own words (by key), and <see cref="LoopText.Cause"/> says it in the library's.
/// Grouped by the outcome that names them.
/// </summary>
public enum LoopCause
{
    // The main task can never complete (NeverCompletes).

    /// <summary>Awaiting a TaskCompletionSource nobody completes.</summary>
    UncompletedTaskCompletionSource,

    /// <summary>A task that was never started (new Task(...) without Start).</summary>
    TaskNeverStarted,

    /// <summary>Work handed to a thread the loop cannot see.</summary>
    WorkOnUnseenThread,

    /// <summary>A timer of another TimeProvider (a FakeTimeProvider nobody advances, a second clock).</summary>
    OtherClockTimer,

    // A timer of another clock was found (OtherClockWait).

    /// <summary>The code under test got a TimeProvider of its own instead of the run's.</summary>
    OwnTimeProvider,

    // The program waits on the real clock (RealClockWait).

    /// <summary>Task.Delay(delay) or new CancellationTokenSource(delay) without the TimeProvider.</summary>
    RealClockDelay,

    /// <summary>task.WaitAsync(delay) without the TimeProvider.</summary>
    RealClockWaitAsync,


    /// <summary>A System.Threading.Timer.</summary>
    RealClockTimer,

    // The loop thread is blocked (LoopBlocked); a worker is blocked (WorkerBlocked).

    /// <summary>.Result, .Wait() or .GetAwaiter().GetResult() on a task that needs this very loop to finish.</summary>
    BlockingOnLoopTask,

    /// <summary>Thread.Sleep.</summary>
    ThreadSleep,

    /// <summary>A blocking library call made on the loop.</summary>
    BlockingCallOnLoop,

    /// <summary>An endless loop with no await.</summary>
    EndlessLoopWithoutAwait,

    /// <summary>A lock or SemaphoreSlim.Wait() held across a sleep.</summary>
    LockHeldAcrossSleep,

    /// <summary>.Result on a job queued behind the one that waits.</summary>
    ResultOfQueuedJob,

    // Work on the shared thread pool held time back (SharedPoolStalled).

    /// <summary>It blocks on a task that needs this very loop (.Result, .Wait()).</summary>
    PoolWorkBlocksOnLoop,

    /// <summary>It sleeps on the real clock (Thread.Sleep).</summary>
    PoolWorkSleepsOnRealClock,

    /// <summary>It waits for a lock nobody releases.</summary>
    PoolWorkWaitsForLock,

    /// <summary>Its items never started because the pool is busy with other work in the process.</summary>
    PoolBusyWithOtherWork,

    // A thread the loop does not know used its clock (UnknownThread).

    /// <summary>A new Thread.</summary>
    NewThread,

    /// <summary>A Task.Run that blocks on the virtual clock.</summary>
    TaskRunBlockingOnClock,

    /// <summary>A continuation that left the loop through ConfigureAwait(false).</summary>
    ConfigureAwaitFalse,

    // Time: the horizon, periodic timers, steps (SleepPastHorizon, OnlyPeriodicTimers, HorizonReached, StepLimit).

    /// <summary>A sleep or timeout longer than the horizon.</summary>
    SleepLongerThanHorizon,

    /// <summary>The main task awaits something no timer completes while an unrelated PeriodicTimer keeps ticking.</summary>
    AwaitsWhilePeriodicTimerTicks,

    /// <summary>A periodic loop with no end condition.</summary>
    PeriodicLoopWithoutEnd,

    /// <summary>An endless loop with a sleep in it.</summary>
    EndlessLoopWithSleep,

    /// <summary>A periodic timer nobody stops.</summary>
    PeriodicTimerNeverStopped,

    /// <summary>An endless loop of awaits that never moves time.</summary>
    EndlessLoopOfAwaits,

    // Real time ran out (WallTimeExceeded).

    /// <summary>Heavy work on the loop.</summary>
    HeavyWorkOnLoop,

    /// <summary>A thread that never hands its turn back.</summary>
    ThreadNeverHandsBack,

    // Work left pending (LeftoverWork): one cause per kind of work left.

    /// <summary>An async void method was still running.</summary>
    LeftoverAsyncVoid,

    /// <summary>A timer was still armed: a task never awaited, a delay or CancellationTokenSource timer never cancelled or disposed.</summary>
    LeftoverTimer,

    /// <summary>Jobs on the loop's threads nobody awaited.</summary>
    LeftoverJobs,

    /// <summary>A dependency the program called armed a real timer of its own (its site names the call).</summary>
    DependencyArmedRealTimer,
}
