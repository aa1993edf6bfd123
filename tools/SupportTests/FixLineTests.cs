using AsyncKatas.K09_RunInExecutor;
using AsyncKatas.Tests.K02_Coroutines;
using AsyncKatas.Tests.K06_TimeoutsAndCancellation;
using AsyncKatas.Tests.K09_RunInExecutor;
using AsyncKatas.Tests.K10_MixedSyncAsync;
using AsyncKatas.Tests.K12_ConcurrentVsSequential;
using static AsyncKatas.Tests.SupportTests.KataVerifierTests;

namespace AsyncKatas.Tests.SupportTests;

/// <summary>
/// A fix names the change the evidence supports, never code that was not involved: wrong programs of
/// issue 14 (written here, without kata code) through the kata tests' own judging.
/// </summary>
[Category("Support")]
public class FixLineTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Test]
    public void K02_TaskRun_in_RunAsync_is_told_to_drop_TaskRun()
    {
        var run = KataLoop.Run(KataCatalog.Get("K02"), io =>
        {
            Func<Task> coroutine = () => DoWork(io.Out);
            return Task.Run(coroutine); // the mistake: asyncio.run runs the coroutine on the loop
        });
        var message = TestFailureMessage(() => CoroutinesTests.FailIfRunOffTheLoop(run, io => DoWork(io.Out)));
        Assert.That(message, Does.Contain("MakeCoroutine or RunAsync handed the work to another thread").And.Contain("no StartNew, ContinueWith or Task.Run in either"));
        Assert.That(message, Does.Not.Contain("ContinueWith TaskScheduler.FromCurrentSynchronizationContext"));

        static async Task DoWork(TextWriter output) => await output.WriteLineAsync("学习协程中...");
    }

    [Test]
    public void K06_a_timeout_applied_to_each_task_in_turn_is_told_to_apply_one_limit_to_all_three()
    {
        var timeout = 2 * OneSecond;
        SleepRecorder? clock = null;
        var run = KataLoop.Run(KataCatalog.Get("K06"), async io =>
        {
            clock = new SleepRecorder(io.Time);
            var time = clock;
            Task[] tasks = [Task.Delay(OneSecond, time), Task.Delay(2 * OneSecond, time), Task.Delay(3 * OneSecond, time)];
            foreach (var task in tasks)
            {
                try
                {
                    await task.WaitAsync(timeout, time); // the mistake: each wait gets a limit of its own
                }
                catch (TimeoutException)
                {
                    // the limit ran out for this one
                }
            }
        });
        Assert.That(run.Elapsed, Is.EqualTo(3 * OneSecond));
        var verdict = WaitWithTimeoutTests.TimeoutNotKept(run, clock!.Sleeps, timeout).ToString();
        Assert.That(verdict, Does.Contain("started at 0.0 s, 1.0 s, 2.0 s").And.Contain("apply one limit to the wait for all three together"));
        Assert.That(verdict, Does.Not.Contain("on the injected clock"));
    }

    [Test]
    public void K09_a_bridge_that_blocks_a_pool_thread_is_told_to_use_a_done_callback_not_the_threads()
    {
        var future = new ConcurrentFuture<int>();
        var (run, thrown) = FutureBridgeTests.RunBridge(async io =>
        {
            var worker = FutureBridgeTests.CompleteOnAWorker(io, 2, () => future.SetResult(42));
            await Task.Delay(TimeSpan.FromSeconds(0.5), io.Time);
            await Task.Run(() => future.Result()); // the mistake: a thread parked in Result() until the future is done
            await worker;
        });
        future.Cancel(); // lets the parked thread go
        var message = TestFailureMessage(() => FutureBridgeTests.AssertBridged(run, thrown));
        Assert.That(message, Does.Contain("a bridge needs no thread at all").And.Contain("AddDoneCallback"));
        Assert.That(message, Does.Not.Contain("run blocking work on the threads you are given"));
    }

    [Test]
    public void K09_a_done_callback_that_throws_is_named_with_what_it_threw()
    {
        var (run, thrown) = FutureBridgeTests.RunBridge(async io =>
        {
            var future = new ConcurrentFuture<int>();
            var completion = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            future.AddDoneCallback(done =>
            {
                // the mistake: Exception() before Cancelled, which throws on a cancelled future
                if (done.Exception() is { } exception) completion.SetException(exception);
                else if (done.Cancelled) completion.SetCanceled();
                else completion.SetResult(done.Result());
            });
            await Task.Delay(OneSecond, io.Time);
            future.Cancel();
            await completion.Task;
        });
        Assert.That(thrown, Has.Count.EqualTo(1));
        var message = TestFailureMessage(() => FutureBridgeTests.AssertBridged(run, thrown));
        Assert.That(message, Does.Contain("a done callback threw OperationCanceledException").And.Contain("called Exception() on a cancelled future")
            .And.Contain("check done.Cancelled first"));
        Assert.That(message, Does.Not.Contain("TaskCompletionSource nobody completes"));
    }

    [Test]
    public void K10_a_line_printed_inside_the_offloaded_work_is_reported_and_one_printed_after_the_await_is_not()
    {
        LoopThreadWriter? inside = null;
        LoopThreadWriter? after = null;
        KataLoop.Run(KataCatalog.Get("K10"), async io =>
        {
            inside = new LoopThreadWriter(io.Out);
            after = new LoopThreadWriter(io.Out);
            // the mistake: the line is printed by the worker, inside the work handed to the threads
            await Task.Factory.StartNew(() => inside.WriteLine("下载完成"), CancellationToken.None, TaskCreationOptions.None, io.Threads);
            await Task.Factory.StartNew(() => 42, CancellationToken.None, TaskCreationOptions.None, io.Threads);
            await after.WriteLineAsync("下载完成"); // on the loop, after the await
        });
        var message = TestFailureMessage(() => ImageDownloadsTests.FailIfPrintedOffTheLoop(inside));
        Assert.That(message, Does.Contain("1 line(s) were printed from a worker thread").And.Contain("下载完成 (on virtual-loop worker"));
        Assert.That(after!.OffTheLoop, Is.Empty);
    }

    [Test]
    public void K12_all_rounds_at_once_in_the_concurrent_method_points_at_that_method_not_at_the_rounds()
    {
        var sleeps = Enumerable.Repeat(new Sleep(TimeSpan.Zero, OneSecond), 10).ToList();
        var verdict = RoundsJudge.Check(sleeps, concurrent: true, () => new RoundsJudge.Probe(5, InTurn: true))!.ToString();
        Assert.That(verdict, Does.Contain("Fix: let RunConcurrentAsync hand its round to TimeFiveRoundsAsync"));
        Assert.That(verdict, Does.Not.Contain("ConcurrentRoundAsync").And.Not.Contain("SequentialRoundAsync"));
    }

    [Test]
    public void K12_rounds_overlapping_in_TimeFiveRoundsAsync_never_blame_the_untouched_sequential_round()
    {
        List<Sleep> sleeps = [.. Enumerable.Range(0, 10).Select(i => new Sleep(TimeSpan.FromSeconds(i / 5), OneSecond))];
        var verdict = RoundsJudge.Check(sleeps, concurrent: false, () => new RoundsJudge.Probe(5, InTurn: false))!.ToString();
        Assert.That(verdict, Does.Contain("Fix: in TimeFiveRoundsAsync, await each round before you start the next."));
        Assert.That(verdict, Does.Not.Contain("SequentialRoundAsync").And.Not.Contain("await each sleep"));
    }

    [Test]
    public void K12_one_round_too_many_is_reported_as_a_count_not_as_sleeps_out_of_step()
    {
        List<Sleep> sleeps = [.. Enumerable.Range(0, 12).Select(i => new Sleep(TimeSpan.FromSeconds(i / 2), OneSecond))];
        var verdict = RoundsJudge.Check(sleeps, concurrent: true, () => new RoundsJudge.Probe(6, InTurn: true))!.ToString();
        Assert.That(verdict, Does.StartWith("the program took 12 sleep(s), not ten").And.Contain("Fix: in TimeFiveRoundsAsync, run the round exactly five times."));
        Assert.That(verdict, Does.Not.Contain("two at a time"));
    }

    [Test]
    public void K12_the_five_rounds_of_either_program_pass()
    {
        List<Sleep> concurrent = [.. Enumerable.Range(0, 10).Select(i => new Sleep(TimeSpan.FromSeconds(i / 2), OneSecond))];
        List<Sleep> sequential = [.. Enumerable.Range(0, 10).Select(i => new Sleep(TimeSpan.FromSeconds(i), OneSecond))];
        Assert.That(RoundsJudge.Check(concurrent, concurrent: true, () => throw new AssertionException("no probe needed")), Is.Null);
        Assert.That(RoundsJudge.Check(sequential, concurrent: false, () => throw new AssertionException("no probe needed")), Is.Null);
    }
}
