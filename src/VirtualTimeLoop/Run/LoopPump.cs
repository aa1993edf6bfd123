using System.Runtime.CompilerServices;
using System.Diagnostics;

namespace VirtualTimeLoop;

/// <summary>
/// The pump: what the loop does next, in a fixed order of priority, until the main task ends or a
/// guard fails the run. It runs on the loop thread and waits only on the <see cref="ReadyQueue"/>.
/// </summary>
internal sealed class LoopPump(RunningLoop loop, LoopOptions options, ReadyQueue ready, RunFailure failure, StepMeter steps,
    TimeGuards guards, SharedPoolWork sharedPool)
{
    private VirtualClock Clock => loop.Clock;
    private VirtualThreadPool Threads => loop.Threads;

    /// <summary>Runs the program's first step: the call that returns its main task.</summary>
    public Task Start(Func<LoopEnvironment, Task> program, LoopEnvironment environment)
    {
        EnterStepContext();
        BeginStep();
        loop.Timeline?.BeginFirstStep();
        try
        {
            var main = program(environment) ?? Task.FromException(new InvalidOperationException("The program returned null instead of a Task."));
            loop.Timeline?.MainReturned(main);
            return main;
        }
        catch (Exception e)
        {
            return Task.FromException(e);
        }
        finally
        {
            loop.Timeline?.EndStep();
            EndStep();
        }
    }

    // AggressiveOptimization, here and on the other per-timer and per-step paths (the clock, its queue,
    // the ready queue): a run of 100,000 sleeps arms them all in its first step, long before tiered
    // compilation would replace the unoptimized code (bench/PROFILE.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(Task main)
    {
        long? idleSince = null;
        long? poolBusySince = null;
        while (!failure.HasFailed)
        {
            // 1. A worker thread holds the turn: nothing else moves until it ends or blocks on the clock.
            if (Threads.Running is not null)
            {
                if (!WaitForWorkers()) return;
                continue;
            }

            // 2. Ready work on the loop, oldest first.
            if (ready.TryDequeue(out var item))
            {
                idleSince = null;
                if (!CountStep()) return;
                RunCallback(item.Callback, item.State);
                continue;
            }

            // 3. A queued job for the threads (only when the loop has nothing ready).
            if (Threads.TryStartNext(out var atCap))
            {
                idleSince = null;
                continue;
            }
            if (atCap)
            {
                failure.Fail(LoopOutcome.ThreadLimit, new ThreadsExhausted(Threads.MaxThreads, Threads.PendingCount));
                return;
            }

            // 4. The program's work on the shared thread pool (a Task.Run it awaits, a CancelAsync callback, a
            // continuation it left behind) may still print, post to the loop, arm or cancel a timer: time must not
            // move, nor the run end, before it is done. Ending with it still running would make what it printed
            // depend on the machine (on one core it has printed before the end, on two not yet).
            if (!sharedPool.IsQuiet)
            {
                idleSince = null;
                poolBusySince ??= Stopwatch.GetTimestamp();
                var wait = options.SharedPoolBudget - Stopwatch.GetElapsedTime(poolBusySince.Value);
                if (wait <= TimeSpan.Zero)
                {
                    if (sharedPool.ForgetVanishedItems()) continue;
                    ReportStalledSharedPool();
                    return;
                }
                ready.Wait(wait);
                continue;
            }
            poolBusySince = null;

            // The main task has ended, nothing is ready and the program's pool work is done: the run is over.
            if (main.IsCompleted) return;

            // 5. Jump to the next timer and fire every timer due at that instant, in creation order.
            if (Clock.TryPeekNext(out var due, out var armedAt))
            {
                idleSince = null;
                if (due > Clock.GetTimestamp() && !guards.MayMoveTimeTo(due, armedAt)) return;
                Clock.MoveTo(due);
                if (!FireTimersDueAt(due)) return;
                continue;
            }

            // 6. Nothing to do. A real timer of the program's is what it waits for: say so at once.
            if (guards.RealClockTimerArmed()) return;
            // Otherwise give threads the loop does not know a short real-time chance to post.
            idleSince ??= Stopwatch.GetTimestamp();
            var left = options.IdleSettle - Stopwatch.GetElapsedTime(idleSince.Value);
            if (left > TimeSpan.Zero)
            {
                ready.Wait(left);
                continue;
            }
            if (guards.RealClockTimerArmed()) return;
            if (OtherClocks.TimerAwaitedBy(main) is { } other) failure.Fail(LoopOutcome.OtherClockWait, other);
            else failure.Fail(LoopOutcome.NeverCompletes, new NothingToRun());
            return;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool FireTimersDueAt(long due)
    {
        while (Clock.TryTakeDueAt(due) is { } timer)
        {
            if (!CountStep()) return false;
            steps.TimerFired();
            guards.TimerFired(timer, due);
            Threads.OnTimerReleased(timer);
            // Timer callbacks run outside the loop's context, as on a real timer thread: continuations
            // that captured the loop are posted to it, FIFO.
            SynchronizationContext.SetSynchronizationContext(null);
            BeginStep();
            loop.Timeline?.Firing(timer);
            try
            {
                timer.Fire();
            }
            catch (Exception e)
            {
                failure.Fail(LoopOutcome.ProgramFailed, new ExceptionThrown(ThrowSite.TimerCallback), e);
                return false;
            }
            finally
            {
                loop.Timeline?.Fired();
                EndStep();
            }
            // A worker woken by this timer runs to its next blocking sleep (or its end) before the next
            // timer due at the same instant fires: same-instant wake-ups happen in timer order.
            if (!WaitForWorkers()) return false;
        }
        return true;
    }

    /// <summary>
    /// Each step runs under its own instance of the loop's SynchronizationContext. .NET resumes an
    /// await inline when the task completes on the very context the await captured; with a new
    /// instance per step that never happens, so every continuation is queued behind work that was
    /// already ready, as asyncio does (a finished task's waiter runs on a later turn of the loop).
    /// </summary>
    private void EnterStepContext() => SynchronizationContext.SetSynchronizationContext(new LoopSynchronizationContext(loop));

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunCallback(SendOrPostCallback callback, object? state)
    {
        EnterStepContext();
        BeginStep();
        try
        {
            callback(state);
        }
        catch (Exception e)
        {
            failure.Fail(LoopOutcome.AsyncVoidThrew, new ExceptionThrown(ThrowSite.PostedCallback), e);
        }
        finally
        {
            EndStep();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool CountStep()
    {
        if (steps.Count(Clock.GetUtcNow().UtcTicks, Clock.Elapsed) is not { } overCap) return true;
        failure.Fail(LoopOutcome.StepLimit, overCap);
        return false;
    }

    private void BeginStep() => steps.Begin();

    private void EndStep() => steps.End();

    /// <summary>Says which of the program's shared-pool work held time back: items never started (the pool is busy with other work), or a thread that never finished.</summary>
    private void ReportStalledSharedPool()
    {
        var budget = options.SharedPoolBudget;
        if (sharedPool.RunningCount > 0 && sharedPool.ArmedVirtualTimer)
        {
            failure.Fail(LoopOutcome.UnknownThread, new PoolThreadBlockedOnClock(budget));
        }
        else if (sharedPool.RunningCount > 0)
        {
            failure.Fail(LoopOutcome.SharedPoolStalled, new SharedPoolThreadsBusy(sharedPool.RunningCount, budget));
        }
        else
        {
            failure.Fail(LoopOutcome.SharedPoolStalled,
                new SharedPoolItemsNotStarted(sharedPool.QueuedCount, budget, ThreadPool.PendingWorkItemCount, ThreadPool.ThreadCount));
        }
    }

    /// <summary>Waits until no worker holds the turn (the watchdog fails the run if one is stuck); false once the run failed.</summary>
    private bool WaitForWorkers()
    {
        while (Threads.Running is not null && !failure.HasFailed) ready.Wait(Timeout.InfiniteTimeSpan);
        return !failure.HasFailed;
    }
}
