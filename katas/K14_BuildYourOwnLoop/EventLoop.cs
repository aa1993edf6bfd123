namespace AsyncKatas.K14_BuildYourOwnLoop;

/// <summary>
/// A tiny event loop: one thread, a first-in first-out queue of ready callbacks, and a clock. As a
/// <see cref="SynchronizationContext"/> it is where every <c>await</c> inside <see cref="Run"/> sends
/// its continuation.
/// </summary>
public sealed class EventLoop : SynchronizationContext
{
    private readonly ILoopClock _clock;

    public EventLoop(ILoopClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
    }

    /// <summary>Virtual time after which <see cref="Run"/> stops a main task that keeps sleeping for ever.</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Queues a callback to run on the loop, after every callback queued before it. Safe from any thread.</summary>
    public override void Post(SendOrPostCallback d, object? state)
    {
        // Deliberately naive: this is what the base SynchronizationContext does. It hands the callback to
        // the thread pool, so it runs at once, on some other thread. Put it at the back of this loop's
        // ready queue instead (Post may be called from any thread, so guard the queue).
        ThreadPool.QueueUserWorkItem(_ => d(state));
    }

    /// <summary>
    /// Runs <paramref name="main"/> on this loop, on the calling thread, and returns as soon as its task
    /// has ended; an exception from main is rethrown as it is. Throws <see cref="InvalidOperationException"/>
    /// when main can never end: nothing is ready and no timer is armed, or time would pass the <see cref="Horizon"/>.
    /// </summary>
    public void Run(Func<Task> main)
    {
        throw new NotImplementedException(
            $"Make this loop the thread's SynchronizationContext, call main, then run ready callbacks and advance the {nameof(ILoopClock)} " +
            "to the next timer until main's task is complete. / " +
            $"把这个事件循环设为线程的 SynchronizationContext，调用 main，然后运行就绪的回调，并把 {nameof(ILoopClock)} 推进到下一个定时器，" +
            "直到 main 的任务完成。");
    }
}
