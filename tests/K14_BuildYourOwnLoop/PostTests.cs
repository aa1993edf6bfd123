using AsyncKatas.K14_BuildYourOwnLoop;

namespace AsyncKatas.Tests.K14_BuildYourOwnLoop;

/// <summary>
/// Post, the loop's ready queue: callbacks run first in, first out, later (never inside Post), and Post
/// is safe from any thread (asyncio's call_soon_threadsafe).
/// </summary>
[Category("K14")]
public class PostTests
{
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
            .Cause(offLoop == 0 && (lost > 0 || duplicates > 0) ? "Post and Run use the ready queue from several threads at once without a lock: Queue<T> is not thread-safe, " +
                                  "and concurrent Enqueue/Dequeue lose, repeat or reorder items." : null)
            // Only the order is wrong: a loop that runs the newest callback first loses nothing, with or without a lock.
            .Causes(offLoop == 0 && lost == 0 && duplicates == 0
                ? ["the ready callbacks are taken newest first (a Stack<T>, or an insert at the front): then Posts_RunInTheOrderTheyWereMade fails too, with one thread posting,",
                   "or the queue is used from several threads without a lock, which reordered items without losing any: then that test passes."]
                : [])
            .Fix(offLoop > 0
                ? "Post must only put the callback in the loop's ready queue (under a lock: any thread may call it); Run takes it out and runs it on the loop's thread."
                : lost == 0 && duplicates == 0
                    ? "keep the ready callbacks in a first-in, first-out Queue<T> (Post enqueues at the back, Run dequeues the oldest), with one lock around every use of it, or a ConcurrentQueue<T>."
                    : "take one lock around every use of the queue (the Enqueue in Post, the TryDequeue in Run), or use a ConcurrentQueue<T>."));
    }
}
