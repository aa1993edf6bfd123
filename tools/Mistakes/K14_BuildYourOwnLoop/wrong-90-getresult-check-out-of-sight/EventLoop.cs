namespace AsyncKatas.K14_BuildYourOwnLoop;

/// <summary>
/// A tiny event loop: one thread, a first-in first-out queue of ready callbacks, and a clock. As a
/// <see cref="SynchronizationContext"/> it is where every <c>await</c> inside <see cref="Run"/> sends
/// its continuation.
/// </summary>
public sealed class EventLoop : SynchronizationContext
{
    private readonly ILoopClock _clock;
    private readonly object _gate = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _ready = new();

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
        ArgumentNullException.ThrowIfNull(d);
        lock (_gate)
        {
            _ready.Enqueue((d, state));
        }
    }

    /// <summary>
    /// Runs <paramref name="main"/> on this loop, on the calling thread, and returns as soon as its task
    /// has ended; an exception from main is rethrown as it is. Throws <see cref="InvalidOperationException"/>
    /// when main can never end: nothing is ready and no timer is armed, or time would pass the <see cref="Horizon"/>.
    /// </summary>
    public void Run(Func<Task> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        var previous = Current;
        SetSynchronizationContext(this); // every await below posts its continuation to this loop
        try
        {
            var start = _clock.Time.GetUtcNow();
            var task = main();
            while (true)
            {
                // Run what is ready, oldest first; callbacks may queue more, which run in this round too.
                while (TryDequeue(out var item))
                {
                    item.Callback(item.State);
                }

                if (task.IsCompleted)
                {
                    break;
                }

                // Nothing ready and main still waiting: only a timer can wake it.
                var wait = _clock.UntilNextTimer
                    ?? throw new InvalidOperationException(
                        "The main task can never complete: nothing is ready to run and no timer is armed, yet it is still waiting.");
                if (_clock.Time.GetUtcNow() + wait - start > Horizon)
                {
                    throw new InvalidOperationException(
                        $"The main task is still running after {Horizon} of virtual time: it looks like it never ends.");
                }
                _clock.Advance(wait);
            }

            // The task has completed, so this does not block: it rethrows main's own exception as it is
            // (Wait() and Result would wrap it in an AggregateException).
            task.GetAwaiter().GetResult();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    private bool TryDequeue(out (SendOrPostCallback Callback, object? State) item)
    {
        lock (_gate)
        {
            return _ready.TryDequeue(out item);
        }
    }
}
