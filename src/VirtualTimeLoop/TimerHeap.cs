namespace VirtualTimeLoop;

/// <summary>
/// The clock's timer queue: a binary min-heap of (due time, arming sequence, timer) entries. The keys
/// sit in the entries themselves, so sifting compares contiguous memory and never touches the timer
/// objects (with 100,000 timers, chasing each timer's fields made every pop a string of cache misses).
/// Disarming is lazy: a disposed or re-armed timer's old entry stays until it reaches the top (or a
/// compaction), recognised by its sequence. Not thread-safe: the clock holds its lock around every call.
/// </summary>
internal sealed class TimerHeap
{
    private Entry[] _items = new Entry[16];
    private int _size; // entries, stale ones included

    /// <summary>Timers armed (live entries).</summary>
    public int Count { get; private set; }

    /// <summary>Queues an armed timer under its current <see cref="VirtualTimer.DueTicks"/> and <see cref="VirtualTimer.Sequence"/>.</summary>
    public void Add(VirtualTimer timer)
    {
        timer.IsArmed = true;
        Count++;
        if (_size == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        var index = _size++;
        var entry = new Entry(timer.DueTicks, timer.Sequence, timer);
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
    public bool Remove(VirtualTimer timer)
    {
        if (!timer.IsArmed) return false;
        timer.IsArmed = false;
        Count--;
        if (_size > 1024 && _size > 4 * Count) Compact();
        return true;
    }

    /// <summary>The armed timer due first (ties: armed first), if any.</summary>
    public VirtualTimer? Peek()
    {
        while (_size > 0)
        {
            ref var top = ref _items[0];
            if (top.IsLive) return top.Timer;
            PopTop();
        }
        return null;
    }

    /// <summary>Takes the timer <see cref="Peek"/> returned off the heap (disarmed).</summary>
    public void RemoveFirst()
    {
        var timer = Peek();
        if (timer is null) return;
        PopTop();
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
    }

    private void PopTop()
    {
        _size--;
        var last = _items[_size];
        _items[_size] = default;
        if (_size > 0) SiftDown(0, last);
    }

    private void SiftDown(int index, Entry entry)
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
        var live = 0;
        for (var i = 0; i < _size; i++)
        {
            if (_items[i].IsLive) _items[live++] = _items[i];
        }
        Array.Clear(_items, live, _size - live);
        _size = live;
        for (var i = _size / 2 - 1; i >= 0; i--) SiftDown(i, _items[i]);
    }

    private readonly record struct Entry(long Due, long Sequence, VirtualTimer Timer)
    {
        public bool Before(in Entry other) => Due < other.Due || (Due == other.Due && Sequence < other.Sequence);

        /// <summary>False once its timer was disarmed, or re-armed under a newer sequence.</summary>
        public bool IsLive => Timer.IsArmed && Timer.Sequence == Sequence;
    }
}
