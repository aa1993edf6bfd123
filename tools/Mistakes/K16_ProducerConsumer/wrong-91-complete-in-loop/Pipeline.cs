using System.Threading.Channels;

namespace AsyncKatas.K16_ProducerConsumer;

/// <summary>A producer that runs at most <c>capacity</c> items ahead of two slow consumers, through a bounded channel.</summary>
public static class Pipeline
{
    /// <summary>One second of work per item.</summary>
    public static readonly TimeSpan WorkPerItem = TimeSpan.FromSeconds(1);

    /// <summary>A queue of at most <paramref name="capacity"/> items; a write to a full queue waits for room (nothing is dropped).</summary>
    public static Channel<int> CreateQueue(int capacity) =>
        Channel.CreateBounded<int>(capacity); // its full mode is Wait: a write to a full queue waits for room

    /// <summary>
    /// Writes 1 to <paramref name="count"/>, printing "put {item}" once each write is accepted, then prints
    /// "producer done" and marks the channel complete (no more items).
    /// </summary>
    public static async Task ProduceAsync(ChannelWriter<int> writer, int count, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(writer);
        for (var item = 1; item <= count; item++)
        {
            await writer.WriteAsync(item); // waits while the queue is full: backpressure
            output.WriteLine($"put {item}");
            if (item == count)
            {
                output.WriteLine("producer done");
                writer.Complete();
            }
        }
    }

    /// <summary>
    /// For each item until the channel is complete and empty: prints "{name} got {item}", works
    /// <see cref="WorkPerItem"/> on <paramref name="time"/>, prints "{name} done {item}".
    /// </summary>
    public static async Task ConsumeAsync(string name, ChannelReader<int> reader, TextWriter output, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(reader);
        await foreach (var item in reader.ReadAllAsync())
        {
            output.WriteLine($"{name} got {item}");
            await Task.Delay(WorkPerItem, time);
            output.WriteLine($"{name} done {item}");
        }
    }

    /// <summary>The whole program: a queue of 2, six items, consumers "A" and "B"; "all done" once every item is done.</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        var queue = CreateQueue(2);
        var making = ProduceAsync(queue.Writer, 6, output);
        Task[] workers = [ConsumeAsync("A", queue.Reader, output, time), ConsumeAsync("B", queue.Reader, output, time)];
        await Task.WhenAll([making, .. workers]);
        output.WriteLine("all done");
    }
}
