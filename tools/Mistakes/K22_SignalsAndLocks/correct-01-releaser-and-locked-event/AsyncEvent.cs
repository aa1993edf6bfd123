namespace AsyncKatas.K22_SignalsAndLocks;

/// <summary>Python's asyncio.Event on a TaskCompletionSource, safe to call from several threads.</summary>
public sealed class AsyncEvent
{
    private readonly object _sync = new();
    private TaskCompletionSource _signal = NewSignal();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True between a Set and the next Clear.</summary>
    public bool IsSet
    {
        get { lock (_sync) return _signal.Task.IsCompleted; }
    }

    /// <summary>A task that completes when the event is set (already completed while it is set).</summary>
    public Task WaitAsync()
    {
        lock (_sync) return _signal.Task;
    }

    /// <summary>Sets the event and wakes every waiter; setting it again changes nothing.</summary>
    public void Set()
    {
        TaskCompletionSource signal;
        lock (_sync) signal = _signal;
        signal.TrySetResult(); // waiters are queued (RunContinuationsAsynchronously), never run here
    }

    /// <summary>Unsets the event: from now on, WaitAsync waits for the next Set.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            if (_signal.Task.IsCompleted) _signal = NewSignal();
        }
    }
}
