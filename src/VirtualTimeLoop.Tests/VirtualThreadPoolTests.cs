namespace VirtualTimeLoop.Tests;

/// <summary>
/// The worker pool on its own, with a clock and no loop: one turn at a time in queue order, a thread
/// blocked on the virtual clock hands its turn back, idle threads are reused, and the thread cap.
/// </summary>
public class VirtualThreadPoolTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    /// <summary>Wires a clock to a pool as the loop does (<c>TimerOwnership.cs</c>); the test thread plays the loop.</summary>
    private sealed class Rig : IVirtualClockListener
    {
        private readonly Thread _loop = Thread.CurrentThread;

        public Rig(int maxThreads = int.MaxValue)
        {
            Pool = new VirtualThreadPool(() => { }, maxThreads);
            Clock = new VirtualClock(this);
        }

        public VirtualThreadPool Pool { get; }
        public VirtualClock Clock { get; }

        public bool IsLoopThread => Thread.CurrentThread == _loop;
        public void TimerChanging(VirtualTimer timer) => Pool.OnTimerReleased(timer);
        public void TimerArmed(VirtualTimer timer) => Pool.OnWorkerArmedTimer(VirtualWorker.Current!, timer);
        public void TimerDisposed(VirtualTimer timer) => Pool.OnTimerReleased(timer);

        public Task Start(Action job, TaskCreationOptions options = TaskCreationOptions.None) =>
            Task.Factory.StartNew(job, CancellationToken.None, options, Pool);

        /// <summary>Waits (real time, bounded) until no worker holds the turn.</summary>
        public void AwaitTurnBack() => Assert.That(SpinWait.SpinUntil(() => Pool.Running is null, Patience), Is.True, "a worker kept the turn");

        public void FireNext()
        {
            Assert.That(Clock.TryPeekNext(out var due, out _), Is.True);
            Clock.MoveTo(due);
            var timer = Clock.TryTakeDueAt(due)!;
            Pool.OnTimerReleased(timer);
            timer.Fire();
        }
    }

    [Test]
    public void Jobs_take_one_turn_at_a_time_in_queue_order_on_a_reused_thread()
    {
        var rig = new Rig();
        using var gate = new ManualResetEventSlim();
        var order = new List<int>();
        var jobs = new[]
        {
            rig.Start(() => { gate.Wait(); order.Add(0); }),
            rig.Start(() => order.Add(1)),
            rig.Start(() => order.Add(2)),
        };
        Assert.That(rig.Pool.PendingCount, Is.EqualTo(3));
        Assert.That(rig.Pool.TryStartNext(out _), Is.True);
        Assert.That(rig.Pool.TryStartNext(out _), Is.False, "the first job holds the turn");
        gate.Set();
        for (var i = 1; i < jobs.Length; i++)
        {
            rig.AwaitTurnBack();
            Assert.That(rig.Pool.TryStartNext(out _), Is.True);
        }
        Assert.That(Task.WaitAll(jobs, Patience), Is.True);
        Assert.That(order, Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(rig.Pool.ThreadsCreated, Is.EqualTo(1));
        rig.Pool.ShutDown();
    }

    [Test]
    public void A_thread_blocked_on_the_virtual_clock_hands_its_turn_back_until_its_timer_fires()
    {
        var rig = new Rig();
        var job = rig.Start(() => VirtualLoopTests.BlockingSleep(rig.Clock, TimeSpan.FromSeconds(1)));
        Assert.That(rig.Pool.TryStartNext(out _), Is.True);
        rig.AwaitTurnBack();
        Assert.That((rig.Pool.ActiveCount, job.IsCompleted), Is.EqualTo((1, false)));

        rig.FireNext();
        Assert.That(job.Wait(Patience), Is.True);
        Assert.That(rig.Clock.Elapsed, Is.EqualTo(TimeSpan.FromSeconds(1)));
        rig.AwaitTurnBack();
        Assert.That(rig.Pool.ActiveCount, Is.Zero);
        rig.Pool.ShutDown();
    }

    [Test]
    public void At_the_cap_a_job_that_needs_another_thread_waits_and_says_so()
    {
        var rig = new Rig(maxThreads: 1);
        var sleeper = rig.Start(() => VirtualLoopTests.BlockingSleep(rig.Clock, TimeSpan.FromSeconds(1)));
        var second = rig.Start(() => { });
        Assert.That(rig.Pool.TryStartNext(out _), Is.True);
        rig.AwaitTurnBack();

        Assert.That(rig.Pool.TryStartNext(out var atCap), Is.False);
        Assert.That(atCap, Is.True);

        rig.FireNext();
        Assert.That(sleeper.Wait(Patience), Is.True);
        rig.AwaitTurnBack();
        Assert.That(rig.Pool.TryStartNext(out atCap), Is.True, "the thread is free again");
        Assert.That(second.Wait(Patience), Is.True);
        Assert.That(rig.Pool.ThreadsCreated, Is.EqualTo(1));
        rig.Pool.ShutDown();
    }

    [Test]
    public void A_long_running_job_gets_a_dedicated_thread_that_ends_with_it()
    {
        var rig = new Rig();
        var job = rig.Start(() => Assert.That(Thread.CurrentThread.Name, Does.StartWith("virtual-loop dedicated thread")),
            TaskCreationOptions.LongRunning);
        Assert.That(rig.Pool.TryStartNext(out _), Is.True);
        Assert.That(job.Wait(Patience), Is.True);
        rig.AwaitTurnBack();
        Assert.That(rig.Pool.ThreadsCreated, Is.EqualTo(1));
        rig.Pool.ShutDown();
    }
}
