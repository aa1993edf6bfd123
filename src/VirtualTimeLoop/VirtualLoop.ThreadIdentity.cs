namespace VirtualTimeLoop;

/// <summary>Thread identity: which code runs on the loop, on one of its workers, or somewhere the loop cannot see.</summary>
public sealed partial class VirtualLoop
{
    private int _outstandingAsyncVoid;

    internal bool IsOnLoopThread => Thread.CurrentThread == _thread;

    /// <summary>True when the calling code runs neither in the loop's context nor on one of its worker threads.</summary>
    internal bool IsOutsideLoop()
    {
        if (IsOnLoopThread) return SynchronizationContext.Current is not LoopSynchronizationContext context || context.Loop != this;
        return VirtualWorker.Current is null;
    }

    /// <summary>True on a thread that is neither the loop's nor one of its workers (the shared thread pool, a new Thread).</summary>
    internal bool IsOnUnknownThread() => !IsOnLoopThread && VirtualWorker.Current is null;

    /// <summary>An <c>async void</c> method started in the loop's context.</summary>
    internal void OperationStarted() => Interlocked.Increment(ref _outstandingAsyncVoid);

    internal void OperationCompleted()
    {
        Interlocked.Decrement(ref _outstandingAsyncVoid);
        Signal();
    }
}
