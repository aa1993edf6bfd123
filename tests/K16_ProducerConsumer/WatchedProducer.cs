using System.Text;
using System.Threading.Channels;
using AsyncKatas.K16_ProducerConsumer;

namespace AsyncKatas.Tests.K16_ProducerConsumer;

/// <summary>
/// ProduceAsync watched from both sides: what it printed and when the queue accepted each write, in one
/// sequence. "put k" must come after item k was accepted (the README: "print put {item} after each" write
/// that waited for room); a line printed before its write is told apart from a start order that looks alike.
/// </summary>
internal static class WatchedProducer
{
    /// <summary>The first item whose "put" line came before the queue accepted it, or null; and the run.</summary>
    public static (int? PutTooSoon, LoopRun Run, List<string> Events) Watch(int count, int capacity = 2)
    {
        var events = new List<string>();
        var run = KataLoop.Run(async io =>
        {
            var queue = Channel.CreateBounded<int>(capacity);
            var producing = Pipeline.ProduceAsync(new AcceptWatch(queue.Writer, events), count, new LineWatch(io.Out, events));
            while (await queue.Reader.WaitToReadAsync())
            {
                await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
                queue.Reader.TryRead(out _);
            }
            await producing;
        });
        for (var item = 1; item <= count; item++)
        {
            var put = events.IndexOf($"put {item}");
            var accepted = events.IndexOf($"accepted {item}");
            if (put >= 0 && (accepted < 0 || put < accepted)) return (item, run, events);
        }
        return (null, run, events);
    }

    /// <summary>The verdict for a "put" line printed before its write was accepted.</summary>
    public static Verdict PutBeforeAccepted(int item) =>
        new Verdict($"\"put {item}\" was printed before the queue accepted item {item}: a \"put\" line must announce a write that has happened.")
            .Cause("the line is printed before await writer.WriteAsync(item), so it announces a write that has not happened yet.")
            .Fix("print \"put {item}\" after await writer.WriteAsync(item) returns.");

    private sealed class AcceptWatch(ChannelWriter<int> inner, List<string> events) : ChannelWriter<int>
    {
        public override bool TryComplete(Exception? error = null) => inner.TryComplete(error);

        public override bool TryWrite(int item)
        {
            var accepted = inner.TryWrite(item);
            if (accepted) events.Add($"accepted {item}");
            return accepted;
        }

        public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => inner.WaitToWriteAsync(cancellationToken);

        public override async ValueTask WriteAsync(int item, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(item, cancellationToken);
            events.Add($"accepted {item}");
        }
    }

    private sealed class LineWatch(TextWriter inner, List<string> events) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override void WriteLine(string? value)
        {
            events.Add(value ?? "");
            inner.WriteLine(value);
        }

        public override void Write(char value) => inner.Write(value);

        public override void Write(string? value) => inner.Write(value);
    }
}
