namespace AsyncKatas.K22_SignalsAndLocks;

/// <summary>Python's asyncio.Event: each waiter gets its own TaskCompletionSource; Set completes them all.</summary>
public sealed class AsyncEvent
{
    private readonly List<TaskCompletionSource> _waiters = [];

    /// <summary>True between a Set and the next Clear.</summary>
    public bool IsSet { get; private set; }

    /// <summary>A task that completes when the event is set.</summary>
    public Task WaitAsync()
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters.Add(waiter);
        return waiter.Task;
    }

    /// <summary>Sets the event and wakes every waiter; setting it again changes nothing.</summary>
    public void Set()
    {
        IsSet = true;
        foreach (var waiter in _waiters) waiter.TrySetResult();
        _waiters.Clear();
    }

    /// <summary>Unsets the event: from now on, WaitAsync waits for the next Set.</summary>
    public void Clear() => IsSet = false;
}
