using AsyncKatas.K14_BuildYourOwnLoop;

namespace AsyncKatas.Tests.K14_BuildYourOwnLoop;

[Category("K14")]
public class EventLoopTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);

    [Test]
    public void TwoWorkers_TakeTurns_OnYourLoop()
    {
        var loop = new LoopUnderTest();
        loop.Run(() => ArticlePrograms.TwoWorkersAsync(loop.Out, loop.Time));
        loop.AssertReturned();
        VerifyRun(loop.ToLoopRun(), timeline: [0, 0, 1, 1, 2, 2, 3, 3, 4, 4], total: 5);
    }

    [Test]
    public void NamedTasks_OnYourLoop()
    {
        var loop = new LoopUnderTest();
        loop.Run(() => ArticlePrograms.NamedTasksAsync(loop.Out, loop.Time));
        loop.AssertReturned();
        VerifyRun(loop.ToLoopRun(), timeline: [0, 0, 0, 2, 3, 3, 3], total: 3);
    }

    [Test]
    public void Posts_RunInTheOrderTheyWereMade()
    {
        var log = new List<string>();
        var ranInsidePost = new List<string>();
        using var posting = new ThreadLocal<int>();
        var loop = new LoopUnderTest();
        // Each post notes whether its callback ran while Post itself was still running (on the same thread).
        void Post(string name, Action action)
        {
            posting.Value++;
            try
            {
                loop.Loop.Post(_ =>
                {
                    if (posting.Value > 0) ranInsidePost.Add(name);
                    action();
                }, null);
            }
            finally
            {
                posting.Value--;
            }
        }
        loop.Run(async () =>
        {
            var released = new TaskCompletionSource();
            Post("A", () =>
            {
                log.Add("A");
                Post("D", () => { log.Add("D (posted by A)"); released.SetResult(); });
            });
            Post("B", () => log.Add("B"));
            Post("C", () => log.Add("C"));
            await Task.Yield(); // main's continuation is posted after C, before D
            log.Add("main after Task.Yield");
            await released.Task;
            log.Add("main after D");
        });
        loop.AssertReturned();
        string[] expected = ["A", "B", "C", "main after Task.Yield", "D (posted by A)", "main after D"];
        if (ranInsidePost.Count > 0)
        {
            Judge.Fail(new Verdict($"Post ran callback(s) {string.Join(", ", ranInsidePost)} at once, inside Post, instead of queueing them.")
                .Evidence($"what ran, in order: {string.Join(", ", log)}")
                .Fix("Post must only put the callback at the back of the loop's ready queue; Run takes it out and runs it later."));
        }
        var lastFirst = log.Take(3).SequenceEqual(["C", "B", "A"]);
        Judge.That(log.SequenceEqual(expected), () => new Verdict("the callbacks did not run first in, first out.")
            .Evidence($"what ran, in order: {string.Join(", ", log)}")
            .Evidence($"expected:          {string.Join(", ", expected)}")
            .Cause(lastFirst ? "the latest post ran first: the ready callbacks are kept in a Stack (last in, first out), not a Queue." : null)
            .Fix("each Post goes to the back of the ready queue, and the loop always runs the oldest one (a Queue<T>)."));
    }

    [Test]
    public void Posts_FromOtherThreads_AllRunOnce_InOrderPerPoster()
    {
        // Post may be called from any thread (asyncio's call_soon_threadsafe): several threads post many
        // callbacks while the loop runs. None may be lost or run twice, and each poster's run in its order.
        const int Posters = 4;
        const int Rounds = 100;
        const int PostsPerRound = 2_000;
        const int PostsEach = Rounds * PostsPerRound;
        var runs = new int[Posters * PostsEach]; // how many times each callback ran
        var lastRun = Enumerable.Repeat(-1, Posters).ToArray(); // per poster, the index of its last callback that ran
        var outOfOrder = new int[Posters];
        var ran = 0;
        var offLoop = 0;
        var postersDone = 0;
        var arrived = 0;
        Exception? postThrew = null;
        var loop = new LoopUnderTest(guard: TimeSpan.FromSeconds(20)); // 800,000 posts: more real time on a loaded machine
        loop.Run(async () =>
        {
            var loopThread = Environment.CurrentManagedThreadId;
            var threads = Enumerable.Range(0, Posters).Select(poster => new Thread(() =>
            {
                try
                {
                    for (var round = 0; round < Rounds; round++)
                    {
                        // All posters start each round together (a spinning barrier), so their posts collide.
                        Interlocked.Increment(ref arrived);
                        var spin = new SpinWait();
                        while (Volatile.Read(ref arrived) < Posters * (round + 1) && Volatile.Read(ref postThrew) is null) spin.SpinOnce(sleep1Threshold: -1);
                        for (var i = round * PostsPerRound; i < (round + 1) * PostsPerRound; i++)
                        {
                            var index = i;
                            loop.Loop.Post(_ =>
                            {
                                if (Environment.CurrentManagedThreadId != loopThread) Interlocked.Increment(ref offLoop);
                                Interlocked.Increment(ref runs[poster * PostsEach + index]);
                                Interlocked.Increment(ref ran);
                                if (Interlocked.Exchange(ref lastRun[poster], index) > index) Interlocked.Increment(ref outOfOrder[poster]);
                            }, null);
                        }
                    }
                }
#pragma warning disable CA1031 // a Post that throws on a poster thread must not crash the test run: it is reported below
                catch (Exception e)
#pragma warning restore CA1031
                {
                    Interlocked.CompareExchange(ref postThrew, e, null);
                }
                finally
                {
                    Interlocked.Increment(ref postersDone);
                }
            }) { IsBackground = true, Name = $"poster {poster}" }).ToList();
            threads.ForEach(t => t.Start());
            // Keep the loop taking callbacks out while the posters post: main wakes every virtual millisecond
            // (a timer, not a Post: a Post that throws inside an await would crash the test run).
            while (Volatile.Read(ref postersDone) < Posters) await Task.Delay(TimeSpan.FromMilliseconds(1), loop.Time);
            // Queued after every callback of every poster: they have all run when it does.
            var drained = new TaskCompletionSource();
            try
            {
                loop.Loop.Post(_ => drained.TrySetResult(), null);
            }
#pragma warning disable CA1031 // reported below, with the posters' exceptions
            catch (Exception e)
#pragma warning restore CA1031
            {
                Interlocked.CompareExchange(ref postThrew, e, null);
                drained.TrySetResult();
            }
            await drained.Task;
        });
        if (postThrew is { } postFailed)
        {
            Judge.Fail(new Verdict($"your Post threw {postFailed.GetType().Name} on a poster thread while {Posters} threads posted callbacks: {postFailed.Message}")
                .Evidence($"thrown at: {postFailed.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("EventLoop", StringComparison.Ordinal))?.Trim() ?? postFailed.StackTrace?.Split('\n')[0].Trim()}")
                .Cause("Post changes the ready queue from several threads at once without a lock: Queue<T> is not thread-safe (two Enqueues that grow it together break it).")
                .Fix("take one lock around every use of the queue (the Enqueue in Post, the TryDequeue in Run), or use a ConcurrentQueue<T>."));
        }
        if (!loop.Hung && loop.Thrown is { } thrown and not NotImplementedException)
        {
            Judge.Fail(new Verdict($"your loop's Run threw {thrown.GetType().Name} while {Posters} threads posted callbacks: {thrown.Message}")
                .Evidence($"callbacks run before that: {Volatile.Read(ref ran):N0} of {Posters * PostsEach:N0}")
                .Causes("Post and Run use the ready queue from several threads at once without a lock: Queue<T> is not thread-safe, " +
                        "and concurrent Enqueue/Dequeue corrupt it (a lost item, or an empty slot taken for a callback),",
                        "Run or Post fails for another reason: see the exception.")
                .Fix("take one lock around every use of the queue (the Enqueue in Post, the TryDequeue in Run), or use a ConcurrentQueue<T>."));
        }
        loop.AssertReturned();
        var lost = runs.Count(r => r == 0);
        var duplicates = runs.Sum(r => Math.Max(0, r - 1));
        var postersOutOfOrder = outOfOrder.Count(n => n > 0);
        Judge.That(lost == 0 && duplicates == 0 && postersOutOfOrder == 0 && offLoop == 0, () => new Verdict(
                $"{Posters} threads posted {PostsEach:N0} callbacks each while your loop ran; not every one ran once, on the loop, in its poster's order.")
            .Evidence($"lost: {lost:N0}; run twice or more: {duplicates:N0}; posters whose callbacks ran out of order: {postersOutOfOrder}; run off the loop's thread: {offLoop:N0}")
            .Cause(offLoop == 0 ? "Post and Run use the ready queue from several threads at once without a lock: Queue<T> is not thread-safe, " +
                                  "and concurrent Enqueue/Dequeue lose, repeat or reorder items." : null)
            .Cause(offLoop > 0 ? "Post ran callbacks on the posting thread (at once, or handed to another thread) instead of queueing them for the loop." : null)
            .Fix(offLoop > 0
                ? "Post must only put the callback in the loop's ready queue (under a lock: any thread may call it); Run takes it out and runs it on the loop's thread."
                : "take one lock around every use of the queue (the Enqueue in Post, the TryDequeue in Run), or use a ConcurrentQueue<T>."));
    }

    [Test]
    public void Continuations_RunOnTheLoopThread()
    {
        var seen = new List<(string Where, int Thread)>();
        var loop = new LoopUnderTest();
        loop.Run(async () =>
        {
            void Note(string where)
            {
                lock (seen) seen.Add((where, Environment.CurrentManagedThreadId));
            }
            Note("main, before its first await");
            await Task.Delay(OneSecond, loop.Time);
            Note("after await Task.Delay(1 s, time)");
            await Task.Yield();
            Note("after await Task.Yield()");
            var posted = new TaskCompletionSource();
            loop.Loop.Post(_ => { Note("in a posted callback"); posted.SetResult(); }, null);
            await posted.Task;
            Note("after awaiting a task completed by a posted callback");
            await Task.WhenAll(Task.Delay(OneSecond, loop.Time), Task.Delay(2 * OneSecond, loop.Time));
            Note("after await Task.WhenAll(two delays)");
        });
        // Checked before Run's outcome: code that escaped the loop is often why a loop then fails or hangs.
        List<(string Where, int Thread)> elsewhere;
        lock (seen) { elsewhere = seen.Where(s => s.Thread != loop.LoopThreadId).ToList(); }
        var fix = elsewhere.Any(s => s.Where == "in a posted callback")
            ? "Post handed a callback to another thread: Post must put callbacks in the loop's queue, and Run must run them."
            : "Make the loop the thread's SynchronizationContext while main runs (SynchronizationContext.SetSynchronizationContext), " +
              "so that every await posts its continuation back to the loop.";
        Judge.That(elsewhere.Count == 0, () => new Verdict($"code ran off the loop's thread ({loop.LoopThreadId}).")
            .Evidence("where it ran", elsewhere.Select(s => $"{s.Where} on thread {s.Thread}"))
            .Fix(fix));
        loop.AssertReturned();
        Judge.That(seen.Count == 6, () => new Verdict("the program did not reach its end.").Evidence("it got as far as", seen.Select(s => s.Where)));
        Judge.Equal(loop.Clock.Elapsed, 3 * OneSecond, "the program sleeps 1 s, then 2 s: it should end at 3.0 s of virtual time.");
    }

    [Test]
    public void Time_MovesToEachTimer_Exactly()
    {
        var loop = new LoopUnderTest();
        loop.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1500), loop.Time);
            loop.Out.WriteLine("after 1.5 s");
            await Task.Delay(TimeSpan.FromMilliseconds(250), loop.Time);
            loop.Out.WriteLine("after 1.75 s");
        });
        loop.AssertReturned();
        var lines = loop.Out.Lines.Select(l => $"{l.Text} [{Support.TextDiff.Seconds(l.At)}]").ToList();
        Judge.Sequence(lines, ["after 1.5 s [1.5 s]", "after 1.75 s [1.75 s]"], "each line should be printed at the exact moment its sleep ends.",
            "when nothing is ready, advance the clock by clock.UntilNextTimer, no more and no less.");
        Judge.Equal(loop.Clock.Elapsed, TimeSpan.FromMilliseconds(1750), "main ends at 1.75 s but the clock stopped elsewhere.",
            "advance exactly to the next timer, never past it.");
    }

    [Test]
    public void ExceptionFromMain_AfterAnAwait_ReachesTheCallerOfRun()
    {
        var boom = new FormatException("boom at 1 s");
        var loop = new LoopUnderTest();
        loop.Run(async () =>
        {
            await Task.Delay(OneSecond, loop.Time);
            throw boom;
        });
        AssertIsMainsException(loop.AssertThrew("main threw FormatException after 1 s: Run should rethrow it."), boom);
        Judge.Equal(loop.Clock.Elapsed, OneSecond, "main failed at 1.0 s, but the clock did not stop there.", "stop as soon as main's task is complete, failed or not.");
    }

    [Test]
    public void ExceptionFromMain_BeforeItsFirstAwait_ReachesTheCallerOfRun()
    {
        var boom = new FormatException("boom at once");
        var loop = new LoopUnderTest();
        loop.Run(() => throw boom);
        AssertIsMainsException(loop.AssertThrew("main threw FormatException at once: Run should let it through."), boom);
    }

    [Test]
    public void Run_ReturnsAsSoonAsMainEnds()
    {
        var loop = new LoopUnderTest();
        Task? stray = null;
        var mainEnded = false;
        loop.Run(async () =>
        {
            stray = Task.Delay(10 * OneSecond, loop.Time); // started and never awaited
            await Task.Delay(OneSecond, loop.Time);
            mainEnded = true;
        });
        loop.AssertReturned("main ends at 1.0 s; a 10 s sleep it never awaits is still pending.");
        Judge.That(mainEnded, "Run returned before main had ended.", "loop until main's task is complete.");
        Judge.Equal(loop.Clock.Elapsed, OneSecond, "main ended at 1.0 s but Run returned at another virtual time.",
            "return as soon as main's task is complete, without waiting for timers main never awaited.");
        Judge.That(!stray!.IsCompleted, "the 10 s sleep main never awaited had completed when Run returned.",
            "return as soon as main's task is complete, without running timers main never awaited.");
    }

    [Test]
    public void Run_ReturnsAtOnce_WhenMainNeverWaits()
    {
        var loop = new LoopUnderTest();
        loop.Run(() =>
        {
            loop.Out.WriteLine("done");
            return Task.CompletedTask;
        });
        loop.AssertReturned("main completed before it even returned its task.");
        Judge.Equal(loop.Out.Text, "done\n", "main should have run exactly once.", "call main once, at the start of Run.");
        Judge.Equal(loop.Clock.Elapsed, TimeSpan.Zero, "main never sleeps: no virtual time should pass.", "do not advance the clock when main's task is already complete.");
    }

    [Test]
    public void Run_LeavesTheThreadAsItFoundIt()
    {
        SynchronizationContext? during = null;
        SynchronizationContext? after = null;
        var loop = new LoopUnderTest();
        loop.Run(async () =>
        {
            during = SynchronizationContext.Current;
            await Task.Delay(OneSecond, loop.Time);
        });
        loop.AssertReturned();
        var afterFailure = new LoopUnderTest();
        afterFailure.Run(() =>
        {
            try
            {
                new EventLoop(afterFailure.Clock).Run(() => throw new FormatException("inner")); // a second loop, run inside the first
            }
            catch (FormatException)
            {
                // expected: we look at what Run left behind
            }
            after = SynchronizationContext.Current;
            return Task.CompletedTask;
        });
        afterFailure.AssertReturned();
        Judge.That(during is not null, "while main ran, the thread had no SynchronizationContext.",
            "make the loop the thread's SynchronizationContext while main runs (SynchronizationContext.SetSynchronizationContext(this)).");
        Judge.That(ReferenceEquals(after, afterFailure.Loop),
            $"a Run that failed left the thread's SynchronizationContext as {(after is null ? "null" : after.GetType().Name)}, not the one it had before (the outer Run's loop).",
            "remember SynchronizationContext.Current at the start of Run and restore it in a finally block.");
    }

    [Test]
    public void MainThatNeverCompletes_FailsFast()
    {
        var loop = new LoopUnderTest(horizon: TimeSpan.FromMinutes(1)); // a loop that steps time up to its horizon stays fast too
        loop.Run(async () =>
        {
            loop.Out.WriteLine("waiting for a result nobody will ever set");
            await new TaskCompletionSource().Task;
        });
        var thrown = loop.AssertThrew(
            "main waits for a TaskCompletionSource nobody completes: with nothing ready and no timer armed it can never complete, " +
            "and Run should throw InvalidOperationException.",
            whenHung: "main waits for a TaskCompletionSource nobody completes: nothing is ready and no timer is armed.");
        AssertIsLoopFailure(thrown);
    }

    [Test]
    public void MainThatSleepsForever_StopsAtTheHorizon()
    {
        var horizon = TimeSpan.FromMinutes(1);
        var loop = new LoopUnderTest(horizon);
        loop.Run(async () =>
        {
            while (true)
            {
                await Task.Delay(OneSecond, loop.Time);
            }
        });
        var thrown = loop.AssertThrew(
            "main sleeps one second at a time for ever: Run should throw InvalidOperationException before virtual time passes the Horizon (1 min here).",
            whenHung: "main sleeps one second at a time for ever: stop before virtual time would pass the Horizon (1 min here).");
        AssertIsLoopFailure(thrown);
        Judge.That(loop.Clock.Elapsed <= horizon, $"virtual time reached {Support.TextDiff.Seconds(loop.Clock.Elapsed)}, past the Horizon of 60.0 s.",
            "check before you advance: stop when the next timer is beyond the Horizon.");
    }

    private static void AssertIsMainsException(Exception thrown, Exception boom)
    {
        if (thrown is AggregateException aggregate && aggregate.InnerExceptions.Contains(boom))
        {
            Judge.Fail(new Verdict("Run wrapped main's exception in an AggregateException; asyncio.run raises main's own exception, and so should Run.")
                .Fix("task.GetAwaiter().GetResult() rethrows it as it is (task.Wait() and .Result wrap it)."));
        }
        Judge.That(ReferenceEquals(thrown, boom), $"Run threw {thrown.GetType().Name}: {thrown.Message}, not main's own FormatException ({boom.Message}).",
            "let main's exception through as it is: task.GetAwaiter().GetResult() once the task is complete.");
    }

    private static void AssertIsLoopFailure(Exception thrown)
    {
        Judge.That(thrown is InvalidOperationException, $"Run threw {thrown.GetType().Name}: {thrown.Message}; it should throw InvalidOperationException when main can never complete.");
        Judge.That(thrown.Message != new InvalidOperationException().Message, "Run threw InvalidOperationException without a message.",
            "say in the exception's message why main can never complete.");
    }
}
