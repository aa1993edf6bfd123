using System.Threading.Channels;
using AsyncKatas.K16_ProducerConsumer;

namespace AsyncKatas.Tests.K16_ProducerConsumer;

[Category("K16")]
public class PipelineTests
{
    [TestCase(2)]
    [TestCase(3)]
    public void Queue_HoldsCapacityItems_AndAFullWriteWaitsForRoom(int capacity)
    {
        Channel<int>? queue = null;
        var accepted = 0;
        var extraAccepted = false;
        Task? waiting = null;
        var run = KataLoop.Run(async io =>
        {
            queue = Pipeline.CreateQueue(capacity);
            while (accepted < capacity + 1 && queue.Writer.TryWrite(accepted + 1)) accepted++;
            extraAccepted = accepted > capacity;
            if (extraAccepted) return;
            waiting = queue.Writer.WriteAsync(capacity + 1).AsTask();
            queue.Reader.TryRead(out _); // makes room: the waiting write goes through
            await waiting;
        });
        AssertCompleted(run);
        Judge.That(accepted >= capacity, $"CreateQueue({capacity}) accepted only {accepted} item(s) before it was full.",
            $"make it hold {capacity} items: Channel.CreateBounded<int>(capacity).");
        Judge.That(!extraAccepted, () => new Verdict($"CreateQueue({capacity}) accepted item {capacity + 1} although {capacity} items were waiting in it.")
            .Causes("an unbounded channel (Channel.CreateUnbounded) never pushes back on the producer,",
                    "a full mode that drops (DropWrite, DropNewest, DropOldest) accepts the write and throws an item away.")
            .Fix($"Channel.CreateBounded<int>(capacity): its default full mode, Wait, makes a write to a full queue wait for room."));
        Judge.That(waiting is null or { IsCompletedSuccessfully: true }, "the write that waited for room did not go through once an item was read.",
            "keep the default full mode, Wait.");
    }

    [Test]
    public void Consumer_WaitsForLateItems_AndEndsWhenTheQueueIsComplete()
    {
        var run = KataLoop.Run(async io =>
        {
            var queue = Channel.CreateUnbounded<int>();
            queue.Writer.TryWrite(1);
            var consuming = Pipeline.ConsumeAsync("A", queue.Reader, io.Out, io.Time);
            await Task.Delay(TimeSpan.FromSeconds(1.5), io.Time); // the queue is empty from 1 s to 1.5 s: that is not the end
            queue.Writer.TryWrite(2);
            await Task.Delay(TimeSpan.FromSeconds(0.5), io.Time);
            queue.Writer.Complete(); // the end: no more items (A is still working on item 2)
            await consuming;
        });
        if (run.Outcome == LoopOutcome.NeverCompletes)
        {
            Judge.Fail(new Verdict($"ConsumeAsync never returned, although the queue was complete and empty ({run.Detail}).")
                .Printed(run)
                .Fix("loop with await foreach (var item in reader.ReadAllAsync()): it ends when the queue is complete and empty " +
                     "(or loop while await reader.WaitToReadAsync() is true)."));
        }
        ReadPastTheEnd(run);
        if (run.Outcome == LoopOutcome.Completed && !run.Output.Contains("A got 2", StringComparison.Ordinal))
        {
            Judge.Fail(new Verdict("ConsumeAsync returned at 1 s, when the queue was empty for a moment, and never took item 2 (written at 1.5 s).")
                .Printed(run)
                .Cause("an empty queue is not the end (a loop of TryRead, or a check of Count, stops there); only Complete says no more items will come.")
                .Fix("await foreach (var item in reader.ReadAllAsync()) waits for the next item and ends once the queue is complete and empty."));
        }
        VerifyRun(run, timeline: [0, 1, 1.5, 2.5], total: 2.5);
    }

    [Test]
    public void Producer_WaitsForRoom_PrintsEachPut_AndCompletesTheQueue()
    {
        var taken = new List<int>();
        Channel<int>? queue = null;
        var run = KataLoop.Run(async io =>
        {
            queue = Channel.CreateBounded<int>(2);
            var producing = Pipeline.ProduceAsync(queue.Writer, 4, io.Out);
            // A slow reader: one item a second, until the producer says there are no more.
            while (await queue.Reader.WaitToReadAsync())
            {
                await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
                if (queue.Reader.TryRead(out var item)) taken.Add(item);
            }
            await producing;
        });
        if (run.Outcome == LoopOutcome.NeverCompletes && queue is { Reader.Completion.IsCompleted: false })
        {
            Judge.Fail(new Verdict("the reader waited for ever: the producer wrote its items but never said there would be no more.")
                .Printed(run)
                .Fix("end ProduceAsync with writer.Complete(): readers' loops (ReadAllAsync, WaitToReadAsync) end once the queue is empty."));
        }
        AssertCompleted(run);
        Judge.Sequence(taken, [1, 2, 3, 4], "the reader did not get the items 1 to 4, in order.",
            "await writer.WriteAsync(item) for each: it waits for room (TryWrite gives up on a full queue and the item is lost).");
        if (WatchedProducer.Watch(4).PutTooSoon is { } early) Judge.Fail(WatchedProducer.PutBeforeAccepted(early).Printed(run));
        VerifyRun(run, timeline: [0, 0, 1, 2, 2], total: 4);
    }

    [Test]
    public void Producer_OfNoItems_SaysDone_AndCompletesTheQueue()
    {
        Channel<int>? queue = null;
        var run = KataLoop.Run(async io =>
        {
            queue = Channel.CreateBounded<int>(2);
            var producing = Pipeline.ProduceAsync(queue.Writer, 0, io.Out);
            await foreach (var _ in queue.Reader.ReadAllAsync()) { }
            await producing;
        });
        if (run.Outcome == LoopOutcome.NeverCompletes)
        {
            Judge.Fail(new Verdict($"ProduceAsync(writer, 0, output) never completed the queue: its reader waited for ever ({run.Detail}).")
                .Printed(run)
                .Cause("the queue is completed inside the loop over the items (or after a write), and a count of 0 never gets there.")
                .Fix("complete the queue after the loop, whatever the count: print \"producer done\", then writer.Complete()."));
        }
        AssertCompleted(run);
        Judge.Sequence(run.Lines.Select(l => l.Text), ["producer done"], "with no items to put, ProduceAsync must print only \"producer done\".");
    }

    [Test]
    public void Program_PutsRunAtMostTwoAhead_AndEndsWhenEveryItemIsDone()
    {
        var run = KataLoop.Run(io => Pipeline.RunAsync(io.Out, io.Time));
        if (run.Outcome == LoopOutcome.NeverCompletes && run.Output.Contains("producer done", StringComparison.Ordinal))
        {
            Judge.Fail(new Verdict($"the producer finished, but the program never ended ({run.Detail}).")
                .Printed(run)
                .Cause("the consumers still wait for items: nothing told them that no more will come.")
                .Fix("complete the queue when the producer is done (writer.Complete() at the end of ProduceAsync); " +
                     "then the consumers' await foreach ends and Task.WhenAll(consumers) returns."));
        }
        ReadPastTheEnd(run);
        if (run.Outcome == LoopOutcome.Completed && Diagnose(run) is { } verdict) Judge.Fail(verdict.Printed(run));
        VerifyRun(run, timeline: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3], total: 3);
    }

    /// <summary>A consumer that read on after the queue was complete and empty.</summary>
    private static void ReadPastTheEnd(LoopRun run)
    {
        if (run.Exception is not ChannelClosedException) return;
        Judge.Fail(new Verdict("ConsumeAsync failed with ChannelClosedException when the queue ran out.")
            .Cause("ReadAsync on a queue that is complete and empty throws; the end of the items is not an error.")
            .Fix("loop with await foreach (var item in reader.ReadAllAsync()), which simply ends there."));
    }

    /// <summary>The causes the evidence of a completed run shows, before the line-by-line diff.</summary>
    private static Verdict? Diagnose(LoopRun run)
    {
        var lines = run.Lines.Select(l => l.Text).ToList();
        if (run.Lines.FirstOrDefault(l => l.Text == "put 6") is { } put6 && put6.At == TimeSpan.Zero)
        {
            if (QueuePushesBack())
            {
                return new Verdict("all six items were put at 0 s: nothing held the producer back while the consumers were busy.")
                    .Evidence("CreateQueue(2) does push back (a third TryWrite into it fails), so the producer does not wait for room.")
                    .Cause("TryWrite gives up on a full queue (the item is lost) instead of waiting for room.")
                    .Fix("await writer.WriteAsync(item): it waits while the queue is full.");
            }
            return new Verdict("all six items were put at 0 s: nothing held the producer back while the consumers were busy.")
                .Causes("the queue does not push back: CreateQueue must be bounded, and its full mode Wait (the default), not one that drops,",
                        "the producer does not wait for room: TryWrite gives up on a full queue (and the item is lost); await WriteAsync waits.")
                .Fix("the queue must be CreateQueue(2): bounded, and a write waits while two items are in it (the default full mode, Wait; no dropping).");
        }
        var put3 = lines.IndexOf("put 3");
        var gotFirst = lines.FindIndex(l => l.EndsWith(" got 1", StringComparison.Ordinal));
        if (put3 >= 0 && gotFirst > put3 && run.Lines[put3].At == TimeSpan.Zero && run.Lines[gotFirst].At == TimeSpan.Zero)
        {
            // Two programs print this: consumers started first, or "put" printed before its write was accepted. Which one, ProduceAsync tells.
            if (WatchedProducer.Watch(4).PutTooSoon is { } early) return WatchedProducer.PutBeforeAccepted(early);
            return new Verdict("\"put 3\" came before a consumer printed that it got item 1.")
                .Cause("the consumers were started before the producer: a channel hands an item straight to a reader that is already " +
                       "waiting, so items 1 and 2 never took room in the queue and 3 and 4 went in at once (asyncio's queue keeps them " +
                       "until the reader runs, so Python prints the same either way; see the README).")
                .Fix("start the producer first, then the two consumers, as the Python program does.");
        }
        var allDone = lines.IndexOf("all done");
        var lastDone = lines.FindLastIndex(l => l.Contains(" done ", StringComparison.Ordinal));
        if (allDone >= 0 && lastDone > allDone)
        {
            return new Verdict($"\"all done\" was printed before the consumers finished (\"{lines[lastDone]}\" came after it).")
                .Cause("the program waited for the producer only: the producer is done as soon as its last item is accepted, the consumers later.")
                .Fix("await the producer and both consumers (Task.WhenAll) before you print \"all done\".");
        }
        return null;
    }

    /// <summary>Whether CreateQueue(2) refuses a third item (a bounded queue in Wait mode does; an unbounded or dropping one does not).</summary>
    private static bool QueuePushesBack()
    {
        try
        {
            var queue = Pipeline.CreateQueue(2);
            return queue.Writer.TryWrite(1) && queue.Writer.TryWrite(2) && !queue.Writer.TryWrite(3);
        }
        catch (NotImplementedException)
        {
            return false;
        }
    }
}
