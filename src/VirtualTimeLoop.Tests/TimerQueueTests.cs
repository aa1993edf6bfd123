namespace VirtualTimeLoop.Tests;

/// <summary>
/// The clock's timer queue (<see cref="TimerHeap"/>: the in-order <see cref="TimerRun"/> beside the heap)
/// against a plain sorted model: thousands of timers armed in order (the run, across its chunks) and
/// out of order (the heap), re-armed, disarmed and disposed (stale entries, compactions), fired
/// instant by instant. Each instant must fire exactly the model's timers, in arming order.
/// </summary>
public class TimerQueueTests
{
    private sealed class NoLoop : IVirtualClockListener
    {
        public bool IsLoopThread => true;
        public void TimerChanging(VirtualTimer timer) { }
        public void TimerArmed(VirtualTimer timer) { }
        public void TimerDisposed(VirtualTimer timer) { }
    }

    [TestCase(1)]
    [TestCase(2)]
    public void Timers_fire_as_a_sorted_model_says_whatever_order_they_are_armed_in(int seed)
    {
        var random = new Random(seed);
        var clock = new VirtualClock(new NoLoop());
        var fired = new List<int>();
        var timers = new List<ITimer>();
        var model = new SortedDictionary<(long Due, long Order), int>(); // armed timers: (due ms, arming order) → id
        var armedAs = new Dictionary<int, (long Due, long Order)>();
        long order = 0, inOrderDue = 0;

        void Arm(int id, long dueMs)
        {
            if (armedAs.Remove(id, out var old)) model.Remove(old);
            var now = (long)clock.Elapsed.TotalMilliseconds;
            if (!timers[id].Change(TimeSpan.FromMilliseconds(dueMs - now), Timeout.InfiniteTimeSpan)) return; // disposed
            armedAs[id] = (dueMs, order);
            model[(dueMs, order++)] = id;
        }

        void Disarm(int id, bool dispose)
        {
            if (dispose) timers[id].Dispose();
            else timers[id].Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            if (armedAs.Remove(id, out var old)) model.Remove(old);
        }

        ITimer NewTimer()
        {
            var id = timers.Count;
            timers.Add(clock.CreateTimer(_ => fired.Add(id), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan));
            return timers[id];
        }

        // 20,000 sleeps started in firing order (as the bench's n tasks do): the run across many chunks;
        // then most of them cancelled, enough to compact the queue.
        for (var i = 0; i < 20_000; i++)
        {
            NewTimer();
            inOrderDue += random.Next(2);
            Arm(i, inOrderDue);
        }
        for (var i = 0; i < 20_000; i++)
        {
            if (random.Next(10) < 9) Disarm(i, dispose: random.Next(2) == 0);
        }

        for (var step = 0; step < 30_000; step++)
        {
            var now = (long)clock.Elapsed.TotalMilliseconds;
            var dice = random.Next(100);
            if (dice < 45 || timers.Count == 0)
            {
                NewTimer();
                var id = timers.Count - 1;
                // Mostly in firing order (the run), sometimes the same instant again, sometimes anywhere (the heap).
                inOrderDue = Math.Max(inOrderDue, now) + random.Next(2);
                Arm(id, random.Next(3) == 0 ? now + random.Next(500) : inOrderDue);
            }
            else if (dice < 60) Arm(random.Next(timers.Count), now + random.Next(2_000));
            else if (dice < 72) Disarm(random.Next(timers.Count), dispose: random.Next(2) == 0);
            else if (dice < 80 || step == 29_999)
            {
                FireInstants(clock, fired, model, armedAs, random.Next(1, 4));
            }
        }
        FireInstants(clock, fired, model, armedAs, int.MaxValue);
        Assert.That(clock.ArmedTimerCount, Is.Zero);
    }

    /// <summary>Fires the next <paramref name="instants"/> instants as the loop does, checking each against the model.</summary>
    private static void FireInstants(VirtualClock clock, List<int> fired, SortedDictionary<(long Due, long Order), int> model,
        Dictionary<int, (long Due, long Order)> armedAs, int instants)
    {
        for (var i = 0; i < instants && clock.TryPeekNext(out var due, out _); i++)
        {
            var dueMs = (due - clock.Start.UtcTicks) / TimeSpan.TicksPerMillisecond;
            var expected = model.TakeWhile(e => e.Key.Due == dueMs).Select(e => e.Value).ToList();
            Assert.That(model.First().Key.Due, Is.EqualTo(dueMs), "the next due time");
            clock.MoveTo(due);
            fired.Clear();
            while (clock.TryTakeDueAt(due) is { } timer) timer.Fire();
            Assert.That(fired, Is.EqualTo(expected), $"the timers due at {dueMs} ms, in arming order");
            foreach (var id in expected)
            {
                model.Remove(armedAs[id]);
                armedAs.Remove(id);
            }
            Assert.That(clock.ArmedTimerCount, Is.EqualTo(model.Count));
        }
        Assert.That(clock.TryPeekNext(out _, out _), Is.EqualTo(model.Count > 0));
    }
}
