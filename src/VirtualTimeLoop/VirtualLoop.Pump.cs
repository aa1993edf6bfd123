using System.Diagnostics;

namespace VirtualTimeLoop;

/// <summary>The pump: what the loop does next, in a fixed order of priority, until the main task ends.</summary>
public sealed partial class VirtualLoop
{
    private void Pump()
    {
        long? idleSince = null;
        long? poolBusySince = null;
        while (!HasFailed)
        {
            // 1. A worker thread holds the turn: nothing else moves until it ends or blocks on the clock.
            if (Threads.Running is not null)
            {
                if (!WaitForWorkers()) return;
                continue;
            }

            // 2. Ready work on the loop, oldest first.
            if (TryDequeue(out var item))
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
                Fail(LoopOutcome.ThreadLimit,
                    $"all {Threads.MaxThreads} threads of the loop's pool are blocked in jobs and {Threads.PendingCount} more job(s) wait for a thread");
                return;
            }

            // 4. The main task has ended and nothing is ready: the run is over.
            if (_main!.IsCompleted) return;

            // Work on the shared thread pool (a CancelAsync callback, a Task.Run the program awaits)
            // may still post to the loop or cancel a timer: time must not move before it settles.
            if (!SharedPoolIsQuiet())
            {
                idleSince = null;
                poolBusySince ??= Stopwatch.GetTimestamp();
                if (Stopwatch.GetElapsedTime(poolBusySince.Value) > _options.SharedPoolBudget)
                {
                    Fail(LoopOutcome.SharedPoolStalled, $"work on the shared thread pool that did not finish within {VirtualTimeFormat.Seconds(_options.SharedPoolBudget)} of real time");
                    return;
                }
                _wake.WaitOne(TimeSpan.FromMilliseconds(1));
                continue;
            }
            poolBusySince = null;

            // 5. Jump to the next timer and fire every timer due at that instant, in creation order.
            if (Clock.TryPeekNext(out var due, out var armedAt))
            {
                idleSince = null;
                if (due > Clock.GetTimestamp() && !MayMoveTimeTo(due, armedAt)) return;
                Clock.MoveTo(due);
                if (!FireTimersDueAt(due)) return;
                continue;
            }

            // 6. Nothing to do. Give threads the loop does not know a short real-time chance to post.
            idleSince ??= Stopwatch.GetTimestamp();
            var left = _options.IdleSettle - Stopwatch.GetElapsedTime(idleSince.Value);
            if (left > TimeSpan.Zero)
            {
                _wake.WaitOne(left);
                continue;
            }
            if (RealClockTimerAppeared()) return;
            if (OtherClocks.TimerAwaitedBy(_main) is { } other) Fail(LoopOutcome.OtherClockWait, $"the main task waits on {other}");
            else Fail(LoopOutcome.NeverCompletes, "nothing ready, no timer, no thread at work");
            return;
        }
    }

    private bool FireTimersDueAt(long due)
    {
        while (Clock.TryTakeDueAt(due) is { } timer)
        {
            if (!CountStep()) return false;
            _timersFired++;
            Threads.OnTimerReleased(timer);
            // Timer callbacks run outside the loop's context, as on a real timer thread: continuations
            // that captured the loop are posted to it, FIFO.
            SynchronizationContext.SetSynchronizationContext(null);
            BeginStep();
            try
            {
                timer.Fire();
            }
            catch (Exception e)
            {
                Fail(LoopOutcome.ProgramFailed, "a timer callback threw", e);
                return false;
            }
            finally
            {
                EndStep();
            }
            // A worker woken by this timer runs to its next blocking sleep (or its end) before the next
            // timer due at the same instant fires: same-instant wake-ups happen in timer order.
            if (!WaitForWorkers()) return false;
        }
        return true;
    }
}
