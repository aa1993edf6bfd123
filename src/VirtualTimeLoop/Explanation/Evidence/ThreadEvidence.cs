namespace VirtualTimeLoop;

/// <summary>How a thread is stuck.</summary>
public enum ThreadStall
{
    /// <summary>It sat in a wait (.Result, .Wait(), Thread.Sleep, a lock) for longer than <see cref="LoopOptions.WaitBudget"/>.</summary>
    BlockedInWait,

    /// <summary>It kept running one step for longer than <see cref="LoopOptions.BusyBudget"/>.</summary>
    BusyWithoutYielding,
}

/// <summary>A thread is stuck in one step: the loop thread (<see cref="ThreadName"/> null) or a worker of the loop's threads.</summary>
/// <param name="ThreadName">The worker's name; null for the loop thread.</param>
/// <param name="Stall">How it is stuck.</param>
public sealed record ThreadStuck(string? ThreadName, ThreadStall Stall) : LoopEvidence
{
    internal override Sentence Say() => ThreadName is null
        ? new($"Evidence.ThreadStall.{Stall}")
        : new("Evidence.ThreadStuck", ThreadName, LoopText.Describe(Stall));
}

/// <summary>A thread the loop does not know armed a timer on its clock.</summary>
/// <param name="OnSharedPool">True for a thread of the shared thread pool.</param>
/// <param name="ThreadName">The thread's name, or "#" and its managed id.</param>
public sealed record StrangerArmedTimer(bool OnSharedPool, string ThreadName) : LoopEvidence
{
    internal override Sentence Say() => OnSharedPool
        ? new("Evidence.StrangerArmedTimer.SharedPool")
        : new("Evidence.StrangerArmedTimer", ThreadName);
}

/// <summary>A shared thread-pool thread running the program's code armed a virtual timer and did not finish within <see cref="Budget"/>: it blocks on the virtual clock.</summary>
/// <param name="Budget">The run's <see cref="LoopOptions.SharedPoolBudget"/>.</param>
public sealed record PoolThreadBlockedOnClock(TimeSpan Budget) : LoopEvidence
{
    internal override Sentence Say() => new("Evidence.PoolThreadBlockedOnClock", Time(Budget));
}

/// <summary>Shared thread-pool threads running the program's code had not finished within <see cref="Budget"/>.</summary>
/// <param name="Threads">How many.</param>
/// <param name="Budget">The run's <see cref="LoopOptions.SharedPoolBudget"/>.</param>
public sealed record SharedPoolThreadsBusy(int Threads, TimeSpan Budget) : LoopEvidence
{
    internal override Sentence Say() => new("Evidence.SharedPoolThreadsBusy", Number(Threads), Time(Budget));
}

/// <summary>Work items the program queued on the shared thread pool had not started within <see cref="Budget"/>.</summary>
/// <param name="Items">The program's items not started.</param>
/// <param name="Budget">The run's <see cref="LoopOptions.SharedPoolBudget"/>.</param>
/// <param name="PoolQueued">Items queued on the whole pool (any code in the process).</param>
/// <param name="PoolThreads">Threads of the pool.</param>
public sealed record SharedPoolItemsNotStarted(int Items, TimeSpan Budget, long PoolQueued, int PoolThreads) : LoopEvidence
{
    internal override Sentence Say() => new("Evidence.SharedPoolItemsNotStarted", Number(Items), Time(Budget), Number(PoolQueued), Number(PoolThreads));
}

/// <summary>Every thread of the loop's pool was blocked in a job, and more jobs waited.</summary>
/// <param name="MaxThreads">The pool's size (<see cref="LoopOptions.MaxThreads"/>).</param>
/// <param name="WaitingJobs">Jobs waiting for a thread.</param>
public sealed record ThreadsExhausted(int MaxThreads, int WaitingJobs) : LoopEvidence
{
    internal override Sentence Say() => new("Evidence.ThreadsExhausted", Number(MaxThreads), Number(WaitingJobs));
}
