namespace AsyncKatas.K14_BuildYourOwnLoop;

/// <summary>A tiny event loop: one thread, a first-in first-out queue of ready callbacks, and a clock.</summary>
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

    /// <summary>Runs <paramref name="main"/> on this loop, on the calling thread, and returns as soon as its task has ended.</summary>
    public void Run(Func<Task> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(this);
        try
        {
            var elapsed = TimeSpan.Zero;
            var task = main();
            while (true)
            {
                while (TryTake(out var item))
                {
                    item.Callback(item.State);
                }
                if (task.IsCompleted)
                {
                    task.GetAwaiter().GetResult(); // rethrows main's own exception, never blocks
                    return;
                }
                var wait = _clock.UntilNextTimer
                    ?? throw new InvalidOperationException("main can never complete: nothing is ready and no timer is armed.");
                _clock.Advance(wait);
                elapsed += wait;
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private bool TryTake(out (SendOrPostCallback Callback, object? State) item)
    {
        lock (_gate)
        {
            return _ready.TryDequeue(out item);
        }
    }
}
