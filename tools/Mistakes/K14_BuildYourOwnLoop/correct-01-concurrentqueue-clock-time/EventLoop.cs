using System.Collections.Concurrent;

namespace AsyncKatas.K14_BuildYourOwnLoop;

/// <summary>A tiny event loop: one thread, a first-in first-out queue of ready callbacks, and a clock.</summary>
public sealed class EventLoop : SynchronizationContext
{
    private readonly ILoopClock _clock;
    private readonly ConcurrentQueue<KeyValuePair<SendOrPostCallback, object?>> _ready = new();

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
        _ready.Enqueue(new(d, state));
    }

    /// <summary>Runs <paramref name="main"/> on this loop, on the calling thread, and returns as soon as its task has ended.</summary>
    public void Run(Func<Task> main)
    {
        ArgumentNullException.ThrowIfNull(main);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(this);
        try
        {
            var startedAt = _clock.Time.GetTimestamp();
            var task = main();
            for (;;)
            {
                RunReady();
                if (task.IsCompleted)
                {
                    task.GetAwaiter().GetResult(); // main has ended: rethrows its own exception
                    break;
                }
                if (_clock.UntilNextTimer is not { } wait)
                {
                    throw new InvalidOperationException("main can never complete: no callback is ready and no timer is armed.");
                }
                if (_clock.Time.GetElapsedTime(startedAt) + wait > Horizon)
                {
                    throw new InvalidOperationException("main can never complete: its next timer is past the loop's horizon.");
                }
                _clock.Advance(wait);
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    private void RunReady()
    {
        while (_ready.TryDequeue(out var item))
        {
            item.Key(item.Value);
        }
    }
}
