namespace VirtualTimeLoop;

/// <summary>
/// A fix the library can propose for a run that did not complete, under a stable key: a layer above
/// may replace it with its own (by key), and <see cref="LoopText.Fix"/> says it in the library's words.
/// </summary>
public enum LoopFix
{
    /// <summary>If the exception is expected, catch it where the program handles it.</summary>
    CatchExpectedException,

    /// <summary>Start (or have someone complete) what is awaited, on this loop, with its clock.</summary>
    StartAndCompleteWhatIsAwaited,

    /// <summary>Give the code under test the run's clock.</summary>
    UseTheRunsClock,

    /// <summary>Pass the injected TimeProvider to every delay, timeout and CancellationTokenSource.</summary>
    PassTheTimeProvider,


    /// <summary>Await the task instead of blocking on it; sleep on the virtual clock.</summary>
    AwaitInsteadOfBlocking,

    /// <summary>Sleep on the virtual clock, and wait for a free slot asynchronously.</summary>
    SleepOnTheVirtualClock,

    /// <summary>Await instead of blocking; run blocking work on the loop's threads.</summary>
    AwaitOrUseTheLoopsThreads,

    /// <summary>Await the sleep; or run blocking work on the loop's TaskScheduler, whose threads may block on the clock.</summary>
    BlockOnlyOnTheLoopsThreads,

    /// <summary>Shorten the sleep, or give the run a longer horizon.</summary>
    ShortenSleepOrExtendHorizon,

    /// <summary>Complete what the main task awaits, or give the periodic loop an end.</summary>
    EndThePeriodicLoop,

    /// <summary>Give the loop an end condition.</summary>
    GiveTheLoopAnEnd,

    /// <summary>Keep the program to awaits and virtual sleeps.</summary>
    KeepToAwaits,

    /// <summary>Await every task started, cancel what is abandoned, make async void methods async Task.</summary>
    AwaitEverythingStarted,

    /// <summary>Make the async void method async Task and await it.</summary>
    MakeAsyncVoidAsyncTask,

    /// <summary>Bound the concurrency of blocking jobs (or raise LoopOptions.MaxThreads).</summary>
    BoundTheConcurrency,

    /// <summary>Give a dependency that arms a real timer the run's TimeProvider where it takes one, else turn its timer off and drive it from the run's clock.</summary>
    GiveTheDependencyTheClock,
}
