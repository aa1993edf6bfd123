using System.Diagnostics;

namespace VirtualTimeLoop;

/// <summary>
/// The watchdog: the calling thread watches the loop thread (which may be the one that is stuck) and
/// the loop watches a worker that holds the turn, each against the real-time budgets of <see cref="LoopOptions"/>.
/// </summary>
public sealed partial class VirtualLoop
{
    private LoopRun RunToEnd(Func<ProgramIO, Task> program)
    {
        var wall = Stopwatch.StartNew();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        _realTimersAtStart = (int)Timer.ActiveCount;
        TakeSharedPoolBaseline();
        _thread = new Thread(() => LoopThread(program)) { IsBackground = true, Name = $"virtual loop {_label}" };
        _thread.Start();

        var detector = new StuckThreadDetector(_options);
        while (!_finished.Wait(TimeSpan.FromMilliseconds(20)))
        {
            var started = Interlocked.Read(ref _stepStartedAt);
            if (started != 0 && detector.Check(_thread, started, started) is { } how)
            {
                Fail(LoopOutcome.LoopBlocked, how);
                break;
            }
            if (wall.Elapsed > _options.WallBudget)
            {
                Fail(LoopOutcome.WallTimeExceeded, $"still running after {_options.WallBudget.TotalSeconds:0.#} s of real time");
                break;
            }
        }
        wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        Threads.ShutDown();
        return BuildResult(wall.Elapsed, cpu);
    }

    /// <summary>Waits (in real time) until no worker holds the turn; false if one is stuck.</summary>
    private bool WaitForWorkers()
    {
        VirtualWorker? watched = null;
        long watchedSince = 0;
        var detector = new StuckThreadDetector(_options);
        while (Threads.Running is { } running)
        {
            if (HasFailed) return false;
            if (running != watched) { watched = running; watchedSince = Stopwatch.GetTimestamp(); }
            if (detector.Check(running.Thread, watchedSince, watchedSince) is { } how)
            {
                Fail(LoopOutcome.WorkerBlocked, $"{running.Thread.Name}, {how}");
                return false;
            }
            _wake.WaitOne(TimeSpan.FromMilliseconds(10));
        }
        return !HasFailed;
    }
}
