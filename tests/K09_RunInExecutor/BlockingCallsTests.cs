using AsyncKatas.K09_RunInExecutor;

namespace AsyncKatas.Tests.K09_RunInExecutor;

[Category("K09")]
public class BlockingCallsTests
{
    private const string LoopWorker = "virtual-loop worker";
    private const string DedicatedThread = "virtual-loop dedicated thread";

    [Test]
    public void RunAsync_AwaitsTheBlockingFunctionThreeTimesInARow()
    {
        var run = KataLoop.Run(io => BlockingCalls.RunAsync(io.Out, io.Time, io.Threads));
        FailIfTheBridgeBlocks(run);
        VerifyRun(run, timeline: [2, 4, 6], total: 6);
        Judge.Equal(run.ThreadsCreated, 2, KataText.Text("K09.TwoThreads"),
            KataText.Text("K09.Fix.TwoSharedOneDedicated"));
    }

    [Test]
    public void BlockingFunction_BlocksItsThreadTwoSeconds_ThenReturnsTheValue()
    {
        string? result = null;
        var run = KataLoop.Run(async io =>
        {
            result = await Task.Factory.StartNew(() => BlockingCalls.BlockingFunction(io.Time),
                CancellationToken.None, TaskCreationOptions.None, io.Threads);
        });

        AssertCompleted(run);
        Judge.All(() =>
        {
            Judge.Equal(result, "这是一个任务的返回值...", KataText.Text("K09.BlockingWrongValue"));
            Judge.Equal(run.Elapsed, TimeSpan.FromSeconds(2), KataText.Text("K09.BlockingTime"),
                KataText.Text("K09.Fix.BlockOnTheVirtualClock"));
        });
    }

    [Test]
    public void RunInExecutorAsync_WithoutAnExecutor_RunsOnTheLoopsThreads_AndLeavesTheLoopFree()
    {
        var (run, thread) = RunWhileTheLoopTicks(io => BlockingCalls.RunInExecutorAsync(io.Threads, null, NamedSleeper(io, 2)));
        Judge.That(thread?.StartsWith(LoopWorker, StringComparison.Ordinal) == true,
            KataText.Format("K09.NotOnTheLoopsThreads", Listing.Value(thread)),
            KataText.Text("K09.Fix.UseTheGivenScheduler"));
    }

    [Test]
    public void RunInExecutorAsync_WithAnExecutor_RunsTheFunctionInThatPool()
    {
        string? thread = null;
        double finishedAt = 0;
        var firstDone = true;
        var run = KataLoop.Run(async io =>
        {
            await using var pool = new ThreadPoolExecutor(io.Threads, maxWorkers: 1);
            // The pool's only worker is busy for the first second: a function run in this pool must wait for it.
            var first = pool.Submit(() => { BlockingSleep(io.Time, 1); return "first"; });
            thread = await BlockingCalls.RunInExecutorAsync(io.Threads, pool, NamedSleeper(io, 2));
            finishedAt = io.Time.Elapsed.TotalSeconds;
            firstDone = first.Done; // judged on the test's thread, in its UI culture (the loop runs in the invariant one)
        });

        FailIfTheBridgeBlocks(run);
        AssertCompleted(run);
        Judge.All(() =>
        {
            Judge.That(firstDone, KataText.Text("K09.FirstJobNotDone"));
            Judge.That(finishedAt == 3, () => new Verdict(KataText.Format("K09.PoolEndTime", finishedAt))
                .Cause(finishedAt == 2 ? KataText.Text("K09.Cause.NotInThePool") : null)
                .Fix(KataText.Text("K09.Fix.SubmitThenAwait")));
            Judge.That(thread?.StartsWith(LoopWorker, StringComparison.Ordinal) == true, KataText.Format("K09.PoolJobThread", Listing.Value(thread)));
        });
    }

    [Test]
    public void RunOnDedicatedThreadAsync_RunsOnAThreadOfItsOwn_AndLeavesTheLoopFree()
    {
        var (run, thread) = RunWhileTheLoopTicks(io => BlockingCalls.RunOnDedicatedThreadAsync(io.Threads, NamedSleeper(io, 2)));
        Judge.That(thread?.StartsWith(DedicatedThread, StringComparison.Ordinal) == true,
            KataText.Format("K09.NotDedicated", Listing.Value(thread)),
            KataText.Text("K09.Fix.LongRunning"));
    }

    /// <summary>A run that kept a thread waiting, where the bridge (ToTask) is in use: if the bridge alone does that, say so.</summary>
    private static void FailIfTheBridgeBlocks(LoopRun run)
    {
        if (FutureBridgeTests.KeptAThreadWaiting(run.Outcome) && FutureBridgeTests.BridgeThatBlocks() is { } blocked) Judge.Fail(blocked);
    }

    /// <summary>
    /// Awaits <paramref name="call"/> (a two-second blocking function that returns the name of its thread)
    /// while the loop prints "tick" at 1 s: the tick proves the loop was free while the function blocked.
    /// </summary>
    private static (LoopRun Run, string? Thread) RunWhileTheLoopTicks(Func<ProgramIO, Task<string?>> call)
    {
        string? thread = null;
        var run = KataLoop.Run(async io =>
        {
            var ticker = Tick(io);
            thread = await call(io);
            io.Out.WriteLine("returned");
            await ticker;
        });

        AssertCompleted(run);
        Judge.Sequence(run.Lines.Select(l => (l.Text, l.At.TotalSeconds)), [("tick", 1.0), ("returned", 2.0)],
            KataText.Text("K09.LoopNotFree"),
            KataText.Text("K09.Fix.AwaitItsTask"));
        return (run, thread);

        static async Task Tick(ProgramIO io)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), io.Time);
            io.Out.WriteLine("tick");
        }
    }

    /// <summary>A blocking function that sleeps on the virtual clock and returns the name of its thread.</summary>
    private static Func<string?> NamedSleeper(ProgramIO io, double seconds) => () =>
    {
        BlockingSleep(io.Time, seconds);
        return Thread.CurrentThread.Name;
    };

    internal static void BlockingSleep(TimeProvider time, double seconds)
    {
#pragma warning disable VSTHRD002 // a blocking sleep on a worker thread, on the virtual clock
        Task.Delay(TimeSpan.FromSeconds(seconds), time).Wait();
#pragma warning restore VSTHRD002
    }
}
