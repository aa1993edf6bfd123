namespace AsyncKatas.K22_SignalsAndLocks;

/// <summary>Python's asyncio.Event on a TaskCompletionSource.</summary>
public sealed class AsyncEvent
{
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True between a Set and the next Clear.</summary>
    public bool IsSet => _signal.Task.IsCompleted;

    /// <summary>A task that completes when the event is set (already completed while it is set).</summary>
    public Task WaitAsync() => _signal.Task;

    /// <summary>Sets the event and wakes every waiter; setting it again changes nothing.</summary>
    public void Set() => _signal.TrySetResult();

    /// <summary>Unsets the event: from now on, WaitAsync waits for the next Set.</summary>
    public void Clear()
    {
        if (_signal.Task.IsCompleted) _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
