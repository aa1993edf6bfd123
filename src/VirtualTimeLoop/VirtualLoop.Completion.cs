namespace VirtualTimeLoop;

/// <summary>
/// What was still running at the moment the main task completed: async void methods, timers the
/// program armed and did not cancel, jobs on the loop's threads. Taken synchronously as main completes,
/// before the loop drains what is ready, so fire-and-forget work whose last step happens to run just
/// after main still counts. A cancelled task whose last step is merely queued holds none of these, and
/// is not work left running.
/// </summary>
public sealed partial class VirtualLoop
{
    private Leftovers? _leftAtCompletion;
    private TimeSpan _completedAt;

    /// <summary>Arranges for the snapshot to be taken on the thread that completes the main task.</summary>
    private void WatchMainCompletion()
    {
        _main?.ContinueWith(_ => SnapshotAtCompletion(), CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void SnapshotAtCompletion()
    {
        _completedAt = Clock.Elapsed;
        // A job on the loop's threads that completed main itself is ending, not left running.
        var ownJob = VirtualWorker.Current is not null ? 1 : 0;
        _leftAtCompletion = Outstanding(Math.Max(0, Threads.ActiveCount - ownJob) + Threads.PendingCount);
    }

    /// <summary>What was left when main completed and what is left now, in one sentence; null when nothing.</summary>
    private string? DescribeLeftoversAtAndAfterCompletion()
    {
        var now = OutstandingNow()?.ToString();
        var atCompletion = Volatile.Read(ref _leftAtCompletion)?.ToString();
        if (atCompletion is null) return now;
        var when = $"when the main task completed at {VirtualTimeFormat.Seconds(_completedAt)}: {atCompletion}";
        return now is null || now == atCompletion ? when : $"{when}; at the end of the run: {now}";
    }

    /// <summary>What was left when main completed and what is left now, each kind counted where it was seen the most.</summary>
    private Leftovers? LeftoversAtAndAfterCompletion() => Volatile.Read(ref _leftAtCompletion)?.Union(OutstandingNow()) ?? OutstandingNow();
}
