namespace AsyncKatas.K22_SignalsAndLocks;

/// <summary>
/// Python's <c>asyncio.Event</c>: a flag tasks can wait for. Set wakes every waiter; Clear makes later waiters
/// wait for the next Set. Build it on a TaskCompletionSource: its Task is the "set" signal.
/// </summary>
public sealed class AsyncEvent
{
    /// <summary>True between a Set and the next Clear.</summary>
    public bool IsSet => throw new NotImplementedException("True once the event is set, until it is cleared. / 事件被设置后为 True，直到它被清除。");

    /// <summary>A task that completes when the event is set (already completed while it is set).</summary>
    public Task WaitAsync()
    {
        throw new NotImplementedException(
            "Return a task that completes when the event is set: the Task of a TaskCompletionSource the event keeps " +
            "(created with TaskCreationOptions.RunContinuationsAsynchronously)." +
            " / 返回一个在事件被设置时完成的任务：事件保存的一个 TaskCompletionSource 的 Task（用 TaskCreationOptions.RunContinuationsAsynchronously 创建）。");
    }

    /// <summary>Sets the event and wakes every waiter; setting it again changes nothing.</summary>
    public void Set()
    {
        throw new NotImplementedException("Complete the TaskCompletionSource (a second Set must not throw). / 完成 TaskCompletionSource（第二次 Set 不能抛出异常）。");
    }

    /// <summary>Unsets the event: from now on, WaitAsync waits for the next Set. Waiters already waiting keep waiting for it.</summary>
    public void Clear()
    {
        throw new NotImplementedException(
            "A completed TaskCompletionSource cannot be reset: when the event is set, start a new one. " +
            "When it is not set, keep the one the waiters are waiting on." +
            " / 已完成的 TaskCompletionSource 无法重置：事件已设置时，新建一个；事件未设置时，保留等待者正在等待的那一个。");
    }
}
