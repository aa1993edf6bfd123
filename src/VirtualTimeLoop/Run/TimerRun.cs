using System.Runtime.CompilerServices;

namespace VirtualTimeLoop;

/// <summary>
/// The timers armed in firing order (each due no earlier than the one armed before it): a FIFO of
/// chunks, so adding and taking the first are O(1) and nothing is ever copied. Chunks grow from 16
/// entries (a run with a few sleeps stays small) to <see cref="LargestChunk"/>, which is on the
/// large-object heap: a collection never copies it, as it would copy a chunk of the young generations
/// that every sleep keeps alive. The common case by far: n tasks sleeping d, or one sleep
/// after another, arm their timers in the order they fire. <see cref="TimerHeap"/> keeps the others.
/// </summary>
internal sealed class TimerRun
{
    /// <summary>4,096 entries of 24 bytes: above the 85,000 bytes that put an array on the large-object heap.</summary>
    private const int LargestChunk = 4096;

    private Chunk _head = new(16);
    private Chunk _tail;
    private Chunk? _spare; // the last drained chunk, reused so a steady flow of sleeps allocates no chunks
    private int _headIndex;

    public TimerRun() => _tail = _head;

    /// <summary>Entries, stale ones included.</summary>
    public int Size { get; private set; }

    /// <summary>The entry armed last; only when <see cref="Size"/> is above 0.</summary>
    public ref readonly TimerEntry Last => ref _tail.Items[_tail.Count - 1];

    /// <summary>The entry due first; only when <see cref="Size"/> is above 0.</summary>
    public ref readonly TimerEntry First => ref _head.Items[_headIndex];

    /// <summary>Appends an entry due no earlier than <see cref="Last"/> (the caller checks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(in TimerEntry entry)
    {
        if (_tail.Count == _tail.Items.Length)
        {
            var chunk = _spare ?? new Chunk(Math.Min(2 * _tail.Items.Length, LargestChunk));
            _spare = null;
            _tail.Next = chunk;
            _tail = chunk;
        }
        _tail.Items[_tail.Count++] = entry;
        Size++;
    }

    /// <summary>Drops <see cref="First"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void RemoveFirst()
    {
        _head.Items[_headIndex++] = default;
        Size--;
        if (Size == 0)
        {
            _head.Count = 0;
            _headIndex = 0;
        }
        else if (_headIndex == _head.Items.Length)
        {
            var drained = _head;
            _head = drained.Next!;
            _headIndex = 0;
            drained.Next = null;
            drained.Count = 0;
            if (_spare is null || drained.Items.Length > _spare.Items.Length) _spare = drained;
        }
    }

    /// <summary>Every entry, first to last.</summary>
    public IEnumerable<TimerEntry> Entries()
    {
        for (var (chunk, start) = (_head, _headIndex); chunk is not null; (chunk, start) = (chunk.Next, 0))
        {
            for (var i = start; i < chunk.Count; i++) yield return chunk.Items[i];
        }
    }

    /// <summary>Keeps only the live entries, in order.</summary>
    public void DropStale()
    {
        var live = Entries().Where(e => e.IsLive).ToList();
        _head = _tail = new Chunk(16);
        _headIndex = 0;
        Size = 0;
        foreach (var entry in live) Append(entry);
    }

    private sealed class Chunk(int size)
    {
        public readonly TimerEntry[] Items = new TimerEntry[size];
        public int Count;
        public Chunk? Next;
    }
}
