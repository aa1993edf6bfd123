using System.Runtime.CompilerServices;

namespace VirtualTimeLoop;

/// <summary>
/// The clock's timer queue, ordered by (due time, arming sequence). A timer armed in firing order (due
/// no earlier than the last one so armed) goes to the <see cref="TimerRun"/>, in O(1); any other to a
/// binary min-heap of <see cref="TimerEntry"/>. The first timer is the earlier of the two fronts.
/// Disarming is lazy: a disposed or re-armed timer's old entry stays until it reaches a front (or a
/// compaction), recognised by its sequence. Not thread-safe: the clock holds its lock around every call.
/// </summary>
internal sealed class TimerHeap
{
    private readonly TimerRun _run = new();
    private TimerEntry[] _items = new TimerEntry[16];
    private int _size; // heap entries, stale ones included

    /// <summary>Timers armed (live entries).</summary>
    public int Count { get; private set; }

    /// <summary>Queues an armed timer under its current <see cref="VirtualTimer.DueTicks"/> and <see cref="VirtualTimer.Sequence"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(VirtualTimer timer)
    {
        timer.IsArmed = true;
        Count++;
        var entry = new TimerEntry(timer);
        if (_run.Size == 0 || !entry.Before(_run.Last))
        {
            _run.Append(entry);
            return;
        }
        if (_size == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        var index = _size++;
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (!entry.Before(_items[parent])) break;
            _items[index] = _items[parent];
            index = parent;
        }
        _items[index] = entry;
    }

    /// <summary>Disarms a timer; false if it was not armed. Its entry goes stale.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Remove(VirtualTimer timer)
    {
        if (!timer.IsArmed) return false;
        timer.IsArmed = false;
        Count--;
        var entries = _size + _run.Size;
        if (entries > 1024 && entries > 4 * Count) Compact();
        return true;
    }

    /// <summary>The armed timer due first (ties: armed first), if any.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public VirtualTimer? Peek()
    {
        DropStaleFronts();
        if (HeapFirst()) return _items[0].Timer;
        return _run.Size > 0 ? _run.First.Timer : null;
    }

    /// <summary>Takes the timer <see cref="Peek"/> returned off the queue (disarmed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RemoveFirst()
    {
        var timer = Peek();
        if (timer is null) return;
        if (HeapFirst()) PopTop();
        else _run.RemoveFirst();
        timer.IsArmed = false;
        Count--;
    }

    /// <summary>The armed timers, in no particular order.</summary>
    public IEnumerable<VirtualTimer> Armed()
    {
        for (var i = 0; i < _size; i++)
        {
            if (_items[i].IsLive) yield return _items[i].Timer;
        }
        foreach (var entry in _run.Entries())
        {
            if (entry.IsLive) yield return entry.Timer;
        }
    }

    /// <summary>Drops the stale entries at the front of the heap and of the run.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DropStaleFronts()
    {
        while (_run.Size > 0 && !_run.First.IsLive) _run.RemoveFirst();
        while (_size > 0 && !_items[0].IsLive) PopTop();
    }

    /// <summary>True when the heap's top (live, after <see cref="DropStaleFronts"/>) fires before the run's front.</summary>
    private bool HeapFirst() => _size > 0 && (_run.Size == 0 || _items[0].Before(_run.First));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PopTop()
    {
        _size--;
        var last = _items[_size];
        _items[_size] = default;
        if (_size > 0) SiftDown(0, last);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SiftDown(int index, TimerEntry entry)
    {
        while (true)
        {
            var child = 2 * index + 1;
            if (child >= _size) break;
            if (child + 1 < _size && _items[child + 1].Before(_items[child])) child++;
            if (!_items[child].Before(entry)) break;
            _items[index] = _items[child];
            index = child;
        }
        _items[index] = entry;
    }

    /// <summary>Drops stale entries and rebuilds the heap (Floyd's method), when they outnumber the live ones.</summary>
    private void Compact()
    {
        _run.DropStale();
        var live = 0;
        for (var i = 0; i < _size; i++)
        {
            if (_items[i].IsLive) _items[live++] = _items[i];
        }
        Array.Clear(_items, live, _size - live);
        _size = live;
        for (var i = _size / 2 - 1; i >= 0; i--) SiftDown(i, _items[i]);
    }
}
