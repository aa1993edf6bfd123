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
            "Return a channel that holds at most `capacity` items and makes a write to a full queue wait (System.Threading.Channels)." +
            " / 返回一个最多容纳 `capacity` 个项目、队列满时让写入等待的通道（System.Threading.Channels）。");
    }

    /// <summary>
    /// Writes 1 to <paramref name="count"/>, printing "put {item}" once each write is accepted, then prints
    /// "producer done" and marks the channel complete (no more items).
    /// </summary>
    public static Task ProduceAsync(ChannelWriter<int> writer, int count, TextWriter output)
    {
        throw new NotImplementedException(
            "Write the items 1..count, each one waiting for room, print \"put {item}\" after each, then \"producer done\", and tell the readers no more items will come." +
            " / 依次写入项目 1..count，每个都等到有空位，每写入一个就打印 \"put {item}\"，然后打印 \"producer done\"，并告诉读取者不会再有项目了。");
    }

    /// <summary>
    /// For each item until the channel is complete and empty: prints "{name} got {item}", works
    /// <see cref="WorkPerItem"/> on <paramref name="time"/>, prints "{name} done {item}".
    /// </summary>
    public static Task ConsumeAsync(string name, ChannelReader<int> reader, TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "For each item until the channel is complete: print \"{name} got {item}\", sleep WorkPerItem on the injected clock, print \"{name} done {item}\"." +
            " / 对每个项目，直到通道完成：打印 \"{name} got {item}\"，在注入的时钟上睡 WorkPerItem，打印 \"{name} done {item}\"。");
    }

    /// <summary>The whole program: a queue of 2, six items, consumers "A" and "B"; "all done" once every item is done.</summary>
    public static Task RunAsync(TextWriter output, TimeProvider time)
    {
        throw new NotImplementedException(
            "Make a queue of 2, start the producer (6 items), then consumers \"A\" and \"B\"; when every item is done, print \"all done\"." +
            " / 创建一个容量为 2 的队列，启动生产者（6 个项目），再启动消费者 \"A\" 和 \"B\"；每个项目都处理完后，打印 \"all done\"。");
    }
}
