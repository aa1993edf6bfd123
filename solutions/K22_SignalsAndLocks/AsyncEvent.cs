namespace AsyncKatas.K22_SignalsAndLocks;

/// <summary>
/// Python's <c>asyncio.Event</c>: a flag tasks can wait for. Set wakes every waiter; Clear makes later waiters
/// wait for the next Set. Built on a TaskCompletionSource: its Task is the "set" signal.
/// </summary>
public sealed class AsyncEvent
{
    // RunContinuationsAsynchronously: Set returns before any waiter runs (they are queued, not run inside Set).
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True between a Set and the next Clear.</summary>
    public bool IsSet => _signal.Task.IsCompleted;

    /// <summary>A task that completes when the event is set (already completed while it is set).</summary>
    public Task WaitAsync() => _signal.Task;

    /// <summary>Sets the event and wakes every waiter; setting it again changes nothing.</summary>
    public void Set() => _signal.TrySetResult();

    /// <summary>Unsets the event: from now on, WaitAsync waits for the next Set. Waiters already waiting keep waiting for it.</summary>
    public void Clear()
    {
        // A completed TaskCompletionSource cannot be reset: a cleared event needs a new one. One that is not
        // set yet is kept, so that the tasks already waiting on it are woken by the next Set.
        if (_signal.Task.IsCompleted) _signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
