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
        // What ran, said here: your loop's thread, where the callbacks log, has a UI culture of its own.
        var (dPostedByA, mainAfterYield, mainAfterD) =
            (KataText.Text("K14.Ran.DPostedByA"), KataText.Text("K14.Ran.MainAfterYield"), KataText.Text("K14.Ran.MainAfterD"));
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
                Post("D", () => { log.Add(dPostedByA); released.SetResult(); });
            });
            Post("B", () => log.Add("B"));
            Post("C", () => log.Add("C"));
            await Task.Yield(); // main's continuation is posted after C, before D
            log.Add(mainAfterYield);
            await released.Task;
            log.Add(mainAfterD);
        });
        loop.AssertReturned();
        string[] expected = ["A", "B", "C", mainAfterYield, dPostedByA, mainAfterD];
        if (ranInsidePost.Count > 0)
        {
            Judge.Fail(new Verdict(KataText.Format("K14.RanInsidePost", string.Join(", ", ranInsidePost)))
                .Evidence(KataText.Format("K14.Evidence.WhatRan", string.Join(", ", log)))
                .Fix(KataText.Text("K14.Fix.PostOnlyQueues")));
        }
        // A stack runs the last post first: C, B, A among themselves (main's continuation, posted last, may come before them).
        var lastFirst = log.Where(l => l is "A" or "B" or "C").SequenceEqual(["C", "B", "A"]);
        Judge.That(log.SequenceEqual(expected), () => new Verdict(KataText.Text("K14.NotFirstInFirstOut"))
            .Evidence(KataText.Format("K14.Evidence.WhatRan", string.Join(", ", log)))
            .Evidence(KataText.Format("K14.Evidence.ExpectedOrder", string.Join(", ", expected)))
            .Cause(lastFirst ? KataText.Text("K14.Cause.Stack") : null)
            .Fix(KataText.Text("K14.Fix.Queue")));
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
            Judge.Fail(new Verdict(KataText.Format("K14.PostThrew", postFailed.GetType().Name, Posters, postFailed.Message))
                .Evidence(KataText.Format("K14.Evidence.ThrownAt",
                    postFailed.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("EventLoop", StringComparison.Ordinal))?.Trim() ?? postFailed.StackTrace?.Split('\n')[0].Trim()))
                .Cause(KataText.Text("K14.Cause.PostWithoutLock"))
                .Fix(KataText.Text("K14.Fix.LockTheQueue")));
        }
        if (!loop.Hung && loop.Thrown is { } thrown and not NotImplementedException)
        {
            Judge.Fail(new Verdict(KataText.Format("K14.RunThrewWhilePosting", thrown.GetType().Name, Posters, thrown.Message))
                .Evidence(KataText.Format("K14.Evidence.RunBefore", Volatile.Read(ref ran), Posters * PostsEach))
                .Causes(KataText.Text("K14.Cause.QueueCorrupted"),
                        KataText.Text("K14.Cause.OtherFailure"))
                .Fix(KataText.Text("K14.Fix.LockTheQueue")));
        }
        loop.AssertReturned();
        var lost = runs.Count(r => r == 0);
        var duplicates = runs.Sum(r => Math.Max(0, r - 1));
        var postersOutOfOrder = outOfOrder.Count(n => n > 0);
        Judge.That(lost == 0 && duplicates == 0 && postersOutOfOrder == 0 && offLoop == 0, () => new Verdict(
                KataText.Format("K14.NotEveryPostRanOnce", Posters, PostsEach))
            .Evidence(KataText.Format("K14.Evidence.PostCounts", lost, duplicates, postersOutOfOrder, offLoop))
            .Cause(offLoop == 0 && (lost > 0 || duplicates > 0) ? KataText.Text("K14.Cause.QueueLosesItems") : null)
            // Only the order is wrong: a loop that runs the newest callback first loses nothing, with or without a lock.
            .Causes(offLoop == 0 && lost == 0 && duplicates == 0
                ? [KataText.Text("K14.Cause.NewestFirst"), KataText.Text("K14.Cause.ReorderedWithoutLock")]
                : [])
            .Fix(offLoop > 0
                ? KataText.Text("K14.Fix.PostUnderLock")
                : lost == 0 && duplicates == 0
                    ? KataText.Text("K14.Fix.FirstInFirstOutWithLock")
                    : KataText.Text("K14.Fix.LockTheQueue")));
    }
}
