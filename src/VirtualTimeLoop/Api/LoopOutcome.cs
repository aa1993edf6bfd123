namespace VirtualTimeLoop;

/// <summary>How a run on the virtual loop ended.</summary>
public enum LoopOutcome
{
    /// <summary>The main task finished and left nothing running behind it.</summary>
    Completed,
    /// <summary>The main task threw (or was cancelled).</summary>
    ProgramFailed,
    /// <summary>Nothing ready, no timer, no thread at work, and the main task still waiting.</summary>
    NeverCompletes,
    /// <summary>A real-clock timer appeared while the program ran: a sleep or timeout on the wall clock, which the loop cannot move.</summary>
    RealClockWait,
    /// <summary>One step on the loop thread ran longer than the real-time budget (.Result, .Wait(), Thread.Sleep).</summary>
    LoopBlocked,
    /// <summary>A worker thread held its turn longer than the budget, blocked on something other than the virtual clock.</summary>
    WorkerBlocked,
    /// <summary>
    /// A thread the loop does not know (a new Thread, a Task.Run that blocks on the virtual clock, a
    /// ConfigureAwait(false) continuation on such a thread) used the virtual clock. A Task.Run whose work
    /// awaits the clock is fine: the loop waits for it.
    /// </summary>
    UnknownThread,
    /// <summary>Virtual time passed the horizon with one-shot timers still firing: most likely an endless loop with a sleep in it.</summary>
    HorizonReached,
    /// <summary>The loop ran more steps than its cap without finishing: an endless loop of awaits.</summary>
    StepLimit,
    /// <summary>The whole run took longer than its wall-clock budget.</summary>
    WallTimeExceeded,
    /// <summary>The main task finished while work it started was still scheduled or running.</summary>
    LeftoverWork,
    /// <summary>A callback posted to the loop threw: an <c>async void</c> method that failed.</summary>
    AsyncVoidThrew,
    /// <summary>
    /// The loop's threads reached <see cref="LoopOptions.MaxThreads"/>, every one blocked in a job, with
    /// more jobs waiting: blocking work started without a bound on how much runs at once.
    /// </summary>
    ThreadLimit,
    /// <summary>
    /// Work the program put on the process's shared thread pool (Task.Run, ThreadPool, a ContinueWith on
    /// the default scheduler) never finished, or never started, within <see cref="LoopOptions.SharedPoolBudget"/>:
    /// virtual time could not move on.
    /// </summary>
    SharedPoolStalled,
    /// <summary>One sleep or timeout the program started ends past <see cref="LoopOptions.Horizon"/>.</summary>
    SleepPastHorizon,
    /// <summary>
    /// Virtual time reached the horizon with only periodic timers ticking, and the main task still waiting:
    /// a main task waiting on something no timer completes (a deadlock) while a periodic timer ticks, or a
    /// periodic loop without an end.
    /// </summary>
    OnlyPeriodicTimers,
    /// <summary>
    /// The main task can never complete because it waits on a timer of a <see cref="TimeProvider"/> other
    /// than the loop's clock (a second FakeTimeProvider nobody advances): nothing moves that clock's time.
    /// </summary>
    OtherClockWait,
}
