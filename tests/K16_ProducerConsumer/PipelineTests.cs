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
        Judge.That(accepted >= capacity, KataText.Format("K16.AcceptedTooFew", capacity, accepted),
            KataText.Format("K16.Fix.HoldCapacity", capacity));
        Judge.That(!extraAccepted, () => new Verdict(KataText.Format("K16.AcceptedExtra", capacity, capacity + 1))
            .Causes(KataText.Text("K16.Cause.Unbounded"),
                    KataText.Text("K16.Cause.DroppingMode"))
            .Fix(KataText.Text("K16.Fix.BoundedWait")));
        Judge.That(waiting is null or { IsCompletedSuccessfully: true }, KataText.Text("K16.WaitingWriteStuck"),
            KataText.Text("K16.Fix.KeepWait"));
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
            Judge.Fail(new Verdict(KataText.Format("K16.ConsumerNeverReturned", run.Detail))
                .Printed(run)
                .Fix(KataText.Text("K16.Fix.AwaitForeach")));
        }
        ReadPastTheEnd(run);
        if (run.Outcome == LoopOutcome.Completed && !run.Output.Contains("A got 2", StringComparison.Ordinal))
        {
            Judge.Fail(new Verdict(KataText.Text("K16.EndedWhenEmpty"))
                .Printed(run)
                .Cause(KataText.Text("K16.Cause.EmptyIsNotTheEnd"))
                .Fix(KataText.Text("K16.Fix.AwaitForeachWaits")));
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
            Judge.Fail(new Verdict(KataText.Text("K16.ReaderWaitedForEver"))
                .Printed(run)
                .Fix(KataText.Text("K16.Fix.CompleteAtTheEnd")));
        }
        AssertCompleted(run);
        Judge.Sequence(taken, [1, 2, 3, 4], KataText.Text("K16.ItemsOutOfOrder"),
            KataText.Text("K16.Fix.WriteAsyncWaits"));
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
            Judge.Fail(new Verdict(KataText.Format("K16.NoItemsNeverCompleted", run.Detail))
                .Printed(run)
                .Cause(KataText.Text("K16.Cause.CompleteInsideLoop"))
                .Fix(KataText.Text("K16.Fix.CompleteAfterLoop")));
        }
        AssertCompleted(run);
        Judge.Sequence(run.Lines.Select(l => l.Text), ["producer done"], KataText.Text("K16.NoItemsOnlyDone"));
    }

    [Test]
    public void Program_PutsRunAtMostTwoAhead_AndEndsWhenEveryItemIsDone()
    {
        var run = KataLoop.Run(io => Pipeline.RunAsync(io.Out, io.Time));
        if (run.Outcome == LoopOutcome.NeverCompletes && run.Output.Contains("producer done", StringComparison.Ordinal))
        {
            Judge.Fail(new Verdict(KataText.Format("K16.ProgramNeverEnded", run.Detail))
                .Printed(run)
                .Cause(KataText.Text("K16.Cause.ConsumersStillWait"))
                .Fix(KataText.Text("K16.Fix.CompleteWhenProducerDone")));
        }
        ReadPastTheEnd(run);
        if (run.Outcome == LoopOutcome.Completed && Diagnose(run) is { } verdict) Judge.Fail(verdict.Printed(run));
        VerifyRun(run, timeline: [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3], total: 3);
    }

    /// <summary>A consumer that read on after the queue was complete and empty.</summary>
    private static void ReadPastTheEnd(LoopRun run)
    {
        if (run.Exception is not ChannelClosedException) return;
        Judge.Fail(new Verdict(KataText.Text("K16.ChannelClosed"))
            .Cause(KataText.Text("K16.Cause.ReadAsyncThrows"))
            .Fix(KataText.Text("K16.Fix.AwaitForeachEnds")));
    }

    /// <summary>The causes the evidence of a completed run shows, before the line-by-line diff.</summary>
    private static Verdict? Diagnose(LoopRun run)
    {
        var lines = run.Lines.Select(l => l.Text).ToList();
        if (run.Lines.FirstOrDefault(l => l.Text == "put 6") is { } put6 && put6.At == TimeSpan.Zero)
        {
            if (QueuePushesBack())
            {
                return new Verdict(KataText.Text("K16.AllPutAtZero"))
                    .Evidence(KataText.Text("K16.Evidence.QueuePushesBack"))
                    .Cause(KataText.Text("K16.Cause.TryWriteGivesUp"))
                    .Fix(KataText.Text("K16.Fix.WriteAsyncWaitsWhileFull"));
            }
            return new Verdict(KataText.Text("K16.AllPutAtZero"))
                .Causes(KataText.Text("K16.Cause.QueueNoPushBack"),
                        KataText.Text("K16.Cause.ProducerNoWait"))
                .Fix(KataText.Text("K16.Fix.QueueOfTwo"));
        }
        var put3 = lines.IndexOf("put 3");
        var gotFirst = lines.FindIndex(l => l.EndsWith(" got 1", StringComparison.Ordinal));
        if (put3 >= 0 && gotFirst > put3 && run.Lines[put3].At == TimeSpan.Zero && run.Lines[gotFirst].At == TimeSpan.Zero)
        {
            // Two programs print this: consumers started first, or "put" printed before its write was accepted. Which one, ProduceAsync tells.
            if (WatchedProducer.Watch(4).PutTooSoon is { } early) return WatchedProducer.PutBeforeAccepted(early);
            return new Verdict(KataText.Text("K16.PutThreeBeforeGotOne"))
                .Cause(KataText.Text("K16.Cause.ConsumersFirst"))
                .Fix(KataText.Text("K16.Fix.ProducerFirst"));
        }
        var allDone = lines.IndexOf("all done");
        var lastDone = lines.FindLastIndex(l => l.Contains(" done ", StringComparison.Ordinal));
        if (allDone >= 0 && lastDone > allDone)
        {
            return new Verdict(KataText.Format("K16.AllDoneTooSoon", lines[lastDone]))
                .Cause(KataText.Text("K16.Cause.WaitedForProducerOnly"))
                .Fix(KataText.Text("K16.Fix.WhenAllBeforeAllDone"));
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
