namespace AsyncKatas.K22_SignalsAndLocks;

/// <summary>
/// Python's <c>asyncio.Event</c>: a flag tasks can wait for. Set wakes every waiter; Clear makes later waiters
/// wait for the next Set. Build it on a TaskCompletionSource: its Task is the "set" signal.
/// </summary>
public sealed class AsyncEvent
{
    /// <summary>True between a Set and the next Clear.</summary>
    public bool IsSet => throw new NotImplementedException("True once the event is set, until it is cleared.");

    /// <summary>A task that completes when the event is set (already completed while it is set).</summary>
    public Task WaitAsync()
    {
        throw new NotImplementedException(
            "Return a task that completes when the event is set: the Task of a TaskCompletionSource the event keeps " +
            "(created with TaskCreationOptions.RunContinuationsAsynchronously).");
    }

    /// <summary>Sets the event and wakes every waiter; setting it again changes nothing.</summary>
    public void Set()
    {
        throw new NotImplementedException("Complete the TaskCompletionSource (a second Set must not throw).");
    }

    /// <summary>Unsets the event: from now on, WaitAsync waits for the next Set. Waiters already waiting keep waiting for it.</summary>
    public void Clear()
    {
        throw new NotImplementedException(
            "A completed TaskCompletionSource cannot be reset: when the event is set, start a new one. " +
            "When it is not set, keep the one the waiters are waiting on.");
    }
}
