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
        return Channel.CreateBounded<int>(capacity);
    }

    /// <summary>Writes 1 to count, printing "put {item}" after each, then "producer done", and completes the channel.</summary>
    public static async Task ProduceAsync(ChannelWriter<int> writer, int count, TextWriter output)
    {
        for (var item = 1; item <= count; item++)
        {
            await writer.WriteAsync(item);
            output.WriteLine($"put {item}");
        }
        output.WriteLine("producer done");
        writer.Complete();
    }

    /// <summary>For each item until the channel is complete and empty: got, work, done.</summary>
    public static async Task ConsumeAsync(string name, ChannelReader<int> reader, TextWriter output, TimeProvider time)
    {
        await foreach (var item in reader.ReadAllAsync())
        {
            output.WriteLine($"{name} got {item}");
            await Task.Delay(WorkPerItem);
            output.WriteLine($"{name} done {item}");
        }
    }

    /// <summary>The whole program: a queue of 2, six items, consumers "A" and "B"; "all done" once every item is done.</summary>
    public static async Task RunAsync(TextWriter output, TimeProvider time)
    {
        var queue = CreateQueue(2);
        var producing = ProduceAsync(queue.Writer, 6, output);
        var a = ConsumeAsync("A", queue.Reader, output, time);
        var b = ConsumeAsync("B", queue.Reader, output, time);
        await producing;
        await Task.WhenAll(a, b);
        output.WriteLine("all done");
    }
}
