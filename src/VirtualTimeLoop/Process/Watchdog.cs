using System.Diagnostics;

namespace VirtualTimeLoop;

/// <summary>
/// The process's watchdog: one background thread that, while runs are active, samples each run's
/// loop thread and the worker holding its turn, against the real-time budgets of its
/// <see cref="LoopOptions"/> (a thread stuck in one step, a run over its wall-clock budget). It sleeps
/// when no run is active, so a run costs it nothing but joining and leaving its list, and a run never
/// waits for it: it only matters when something is stuck.
/// </summary>
internal static class Watchdog
{
    private static readonly object Gate = new(); // a Monitor, for Wait/Pulse
    private static readonly List<RunWatch> Runs = [];
    private static Thread? _thread;

    /// <summary>Starts watching <paramref name="loop"/> until <see cref="Leave"/>.</summary>
    public static RunWatch Join(RunningLoop loop, LoopOptions options)
    {
        var watch = new RunWatch(loop, options);
        lock (Gate)
        {
            Runs.Add(watch);
            if (_thread is null)
            {
                _thread = new Thread(Sample) { IsBackground = true, Name = "virtual loop watchdog" };
                _thread.UnsafeStart();
            }
            else if (Runs.Count == 1)
            {
                Monitor.Pulse(Gate);
            }
        }
        return watch;
    }

    public static void Leave(RunWatch watch)
    {
        lock (Gate) { Runs.Remove(watch); }
    }

    /// <summary>Ends the watchdog thread once no run is left (see <see cref="LibraryLifetime"/>); a later run starts a new one.</summary>
    public static void End()
    {
        lock (Gate) { Monitor.Pulse(Gate); }
    }

    private static void Sample()
    {
        var due = new List<RunWatch>();
        while (true)
        {
            TimeSpan period;
            lock (Gate)
            {
                while (Runs.Count == 0 && !LibraryLifetime.Unloading) Monitor.Wait(Gate);
                if (Runs.Count == 0)
                {
                    _thread = null;
                    return;
                }
                due.AddRange(Runs);
                // Fine enough to see a wait of the shortest budget as unbroken; 50 ms at the defaults.
                period = TimeSpan.FromMilliseconds(Math.Clamp(Runs.Min(r => r.ShortestBudget.TotalMilliseconds) / 8, 5, 50));
            }
            foreach (var watch in due)
            {
                try { watch.Check(); }
                catch (Exception e) { watch.Fault(e); } // the watchdog itself must go on watching the other runs
            }
            due.Clear();
            lock (Gate) { Monitor.Wait(Gate, period); }
        }
    }

    /// <summary>One run as the watchdog sees it: its start, and the step or worker it last saw and since when.</summary>
    internal sealed class RunWatch(RunningLoop loop, LoopOptions options)
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private readonly StuckThreadDetector _loopThread = new(options);
        private readonly StuckThreadDetector _worker = new(options);
        private long _seenStep;
        private long _seenStepSince;
        private VirtualWorker? _seenWorker;
        private long _seenWorkerSince;
        private long _workerTurns;

        public TimeSpan ShortestBudget => options.DeadlockBudget < options.WaitBudget ? options.DeadlockBudget : options.WaitBudget;

        /// <summary>Real time since the run started.</summary>
        public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

        /// <summary>Ends the run with the library's own fault, rather than leave it unwatched.</summary>
        public void Fault(Exception e) => loop.Stop(LoopOutcome.WallTimeExceeded, new WatchdogFailed(e.GetType().Name, e.Message));

        public void Check()
        {
            var step = loop.RunningStep;
            if (step != _seenStep) (_seenStep, _seenStepSince) = (step, Stopwatch.GetTimestamp());
            // Inside a step no job starts; with none holding the turn and no shared-pool work, nothing else of the run runs.
            var alone = loop.Threads.Running is null && loop.SharedPoolQuiet;
            if (step != 0 && loop.LoopThread is { } thread && _loopThread.Check(thread, step, _seenStepSince, alone) is { } how)
            {
                loop.Stop(LoopOutcome.LoopBlocked, new ThreadStuck(null, how));
                return;
            }
            var running = loop.Threads.Running;
            if (running != _seenWorker) (_seenWorker, _seenWorkerSince, _workerTurns) = (running, Stopwatch.GetTimestamp(), _workerTurns + 1);
            // The loop waits for the turn to come back, the other workers for the turn or the clock.
            if (running is not null && _worker.Check(running.Thread, _workerTurns, _seenWorkerSince, loop.SharedPoolQuiet) is { } workerHow)
            {
                loop.Stop(LoopOutcome.WorkerBlocked, new ThreadStuck(running.Thread.Name ?? "#" + running.Thread.ManagedThreadId, workerHow));
                return;
            }
            if (Elapsed > options.WallBudget)
            {
                loop.Stop(LoopOutcome.WallTimeExceeded, new WallBudgetExceeded(options.WallBudget));
            }
        }
    }
}
