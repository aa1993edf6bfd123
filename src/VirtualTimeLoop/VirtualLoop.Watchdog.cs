using System.Diagnostics;

namespace VirtualTimeLoop;

/// <summary>
/// The watchdog: the calling thread watches the loop thread (which may be the one that is stuck) and
/// the loop watches a worker that holds the turn, each against the real-time budgets of <see cref="LoopOptions"/>.
/// </summary>
public sealed partial class VirtualLoop
{
    private LoopRun RunToEnd(Func<LoopEnvironment, Task> program)
    {
        var wall = Stopwatch.StartNew();
        TakeRealTimerBaseline();
        TakeSharedPoolBaseline();
        _thread = new Thread(() => LoopThread(program)) { IsBackground = true, Name = $"virtual loop {_label}" };
        _thread.Start();

        var detector = new StuckThreadDetector(_options);
        long seenStep = 0, seenSince = 0;
        while (!_finished.Wait(TimeSpan.FromMilliseconds(20)))
        {
            var step = Volatile.Read(ref _stepRunning);
            if (step != seenStep) (seenStep, seenSince) = (step, Stopwatch.GetTimestamp());
            if (step != 0 && detector.Check(_thread, step, seenSince) is { } how)
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
        Threads.ShutDown();
        var run = BuildResult(wall.Elapsed);
        ReleaseStrangers();
        return run;
    }

    /// <summary>
    /// The run as a task. For now the watchdog still needs a thread of its own (a dedicated one, not
    /// the caller's); a cancelled token stops the run and cancels the task.
    /// </summary>
    private async Task<LoopRun> RunToEndAsync(Func<LoopEnvironment, Task> program, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        LoopRun run;
        using (cancellationToken.Register(static s => ((VirtualLoop)s!).Fail(LoopOutcome.WallTimeExceeded, "the caller cancelled the run"), this))
        {
            run = await Task.Factory.StartNew(() => RunToEnd(program), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                .ConfigureAwait(false);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return run;
    }

    /// <summary>
    /// Closes the clock and releases the timers that threads other than the loop armed (a Task.Run
    /// blocked on the clock, a worker in a blocking sleep): the threads blocked on them wake up, and the
    /// next sleep they try throws, so they unwind instead of holding the shared thread pool for ever
    /// and deciding the outcome of later runs. The callbacks run on a thread of their own, after the
    /// run's result is taken.
    /// </summary>
    private void ReleaseStrangers()
    {
        var timers = Clock.Close();
        if (timers.Count == 0) return;
        new Thread(() =>
        {
            foreach (var timer in timers)
            {
                try { timer.Fire(); }
                catch (Exception) { /* the run is over: nobody is left to report to */ }
            }
        }) { IsBackground = true, Name = $"virtual loop {_label}: releasing {timers.Count} timer(s)" }.Start();
    }

    /// <summary>Waits (in real time) until no worker holds the turn; false if one is stuck.</summary>
    private bool WaitForWorkers()
    {
        if (Threads.Running is null) return !HasFailed;
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
