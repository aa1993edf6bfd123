namespace VirtualTimeLoop;

/// <summary>
/// What a program left running: timers it armed and did not cancel, jobs on the loop's threads,
/// <c>async void</c> methods. Taken twice: synchronously as the main task completes (before the loop
/// drains what is ready, so fire-and-forget work whose last step happens to run just after main still
/// counts) and at the end of the run. A cancelled task whose last step is merely queued holds none of
/// these, and is not work left running.
/// </summary>
internal sealed class Leftovers(VirtualClock clock, VirtualThreadPool threads, AsyncVoidOperations asyncVoid)
{
    private PendingWork? _atCompletion;
    private TimeSpan _completedAt;

    /// <summary>Arranges for the first snapshot to be taken on the thread that completes <paramref name="main"/>.</summary>
    public void WatchCompletionOf(Task main)
    {
        main.ContinueWith(static (_, s) => ((Leftovers)s!).SnapshotAtCompletion(), this, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void SnapshotAtCompletion()
    {
        _completedAt = clock.Elapsed;
        // A job on the loop's threads that completed main itself is ending, not left running.
        var ownJob = VirtualWorker.Current is not null ? 1 : 0;
        Volatile.Write(ref _atCompletion, Pending(Math.Max(0, threads.ActiveCount - ownJob) + threads.PendingCount));
    }

    /// <summary>What was left when main completed and what is left now; null when nothing.</summary>
    public WorkLeftPending? Evidence()
    {
        var now = PendingNow();
        var atCompletion = Volatile.Read(ref _atCompletion);
        return atCompletion is null && now is null ? null : new WorkLeftPending(atCompletion, _completedAt, now);
    }

    /// <summary>What was left when main completed and what is left now, each kind counted where it was seen the most; null when nothing.</summary>
    public PendingWork? AtAndAfterCompletion() => Volatile.Read(ref _atCompletion)?.Union(PendingNow()) ?? PendingNow();

    private PendingWork? PendingNow() => Pending(threads.ActiveCount + threads.PendingCount);

    private PendingWork? Pending(int jobs)
    {
        var pending = new PendingWork(clock.ArmedDueTimes(), jobs, asyncVoid.Outstanding);
        return pending.IsEmpty ? null : pending;
    }
}
