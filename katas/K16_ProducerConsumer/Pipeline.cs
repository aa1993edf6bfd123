using System.Threading.Channels;

namespace AsyncKatas.K16_ProducerConsumer;

/// <summary>A producer that runs at most <c>capacity</c> items ahead of two slow consumers, through a bounded channel.</summary>
public static class Pipeline
{
    /// <summary>One second of work per item.</summary>
    public static readonly TimeSpan WorkPerItem = TimeSpan.FromSeconds(1);

    /// <summary>A queue of at most <paramref name="capacity"/> items; a write to a full queue waits for room (nothing is dropped).</summary>
    public static Channel<int> CreateQueue(int capacity)
    {
        throw new NotImplementedException(
            "Return a channel that holds at most `capacity` items and makes a write to a full queue wait (System.Threading.Channels).");
    }

    /// <summary>
    /// Writes 1 to <paramref name="count"/>, printing "put {item}" once each write is accepted, then prints
    /// "producer done" and marks the channel complete (no more items).
    /// </summary>
    public static Task ProduceAsync(ChannelWriter<int> writer, int count, TextWriter output)
    {
        throw new NotImplementedException(
            "Write the items 1..count, each one waiting for room, print \"put {item}\" after each, then \"producer done\", and tell the readers no more items will come.");
    }

    /// <summary>
    /// For each item until the channel is complete and empty: prints "{name} got {item}", works
    /// <see cref="WorkPerItem"/> on <paramref name="time"/>, prints "{name} done {item}".
    /// </summary>
    public static Task ConsumeAsync(string name, ChannelReader<int> reader, TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "For each item until the channel is complete: print \"{name} got {item}\", sleep WorkPerItem on the injected clock, print \"{name} done {item}\".");
    }

    /// <summary>The whole program: a queue of 2, six items, consumers "A" and "B"; "all done" once every item is done.</summary>
    public static Task RunAsync(TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Make a queue of 2, start the producer (6 items), then consumers \"A\" and \"B\"; when every item is done, print \"all done\".");
    }
}
