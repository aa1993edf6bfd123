using System.Runtime.CompilerServices;

namespace VirtualTimeLoop;

/// <summary>
/// The loop's ready queue: callbacks posted to the loop, run oldest first. It is also the one place
/// the loop thread waits, for a signal from another thread (a post, a worker handing its turn back,
/// a failure), so that the loop sleeps instead of polling.
/// </summary>
internal sealed class ReadyQueue
{
    private readonly object _gate = new(); // a Monitor, for Wait/Pulse
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _items = new();
    private bool _signaled;
    private volatile int _count; // _items.Count, written under the gate, read without it

    /// <summary>Queues a callback; <paramref name="wake"/> wakes the loop (needed only from other threads).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Post(SendOrPostCallback callback, object? state, bool wake)
    {
        lock (_gate)
        {
            _items.Enqueue((callback, state));
            _count = _items.Count;
            if (wake) SignalLocked();
        }
    }

    /// <summary>
    /// Takes the oldest callback. An empty queue is seen without the lock (the pump asks after every
    /// step): a post racing with this read is as late as one arriving just after a locked check.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool TryDequeue(out (SendOrPostCallback Callback, object? State) item)
    {
        if (_count == 0)
        {
            item = default;
            return false;
        }
        lock (_gate)
        {
            var taken = _items.TryDequeue(out item);
            _count = _items.Count;
            return taken;
        }
    }

    /// <summary>Wakes the loop thread if it waits (or makes its next wait return at once).</summary>
    public void Signal()
    {
        lock (_gate) { SignalLocked(); }
    }

    /// <summary>Waits until another thread signals, or <paramref name="timeout"/> passes (<see cref="Timeout.InfiniteTimeSpan"/> for no limit).</summary>
    public void Wait(TimeSpan timeout)
    {
        lock (_gate)
        {
            if (!_signaled) Monitor.Wait(_gate, timeout);
            _signaled = false;
        }
    }

    private void SignalLocked()
    {
        _signaled = true;
        Monitor.Pulse(_gate);
    }
}
