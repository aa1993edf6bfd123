namespace AsyncKatas.K08_ThreadPoolExecutor;

/// <summary>
/// A handle on one job submitted to a <see cref="ThreadPoolExecutor"/> (Python's
/// <c>concurrent.futures.Future</c>): its state, and a <see cref="Task"/> that ends with the job.
/// This file is given: the executor decides when a future counts as running and runs the job.
/// </summary>
public sealed class Future<T>
{
    // RunContinuationsAsynchronously: whoever awaits the future must not run on the worker thread
    // that completes it.
    private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _running;

    /// <summary>Only an executor makes futures: one per submitted job.</summary>
    internal Future()
    {
    }

    /// <summary>Completes when the job ends: with its result, or faulted with its exception.</summary>
    public Task<T> Task => _outcome.Task;

    /// <summary>Pending until the executor gives the job a worker slot, running until the job ends, then finished.</summary>
    public FutureState State =>
        _outcome.Task.IsCompleted ? FutureState.Finished
        : _running ? FutureState.Running
        : FutureState.Pending;

    /// <summary>For the executor: the job now holds a worker slot, so it counts as running.</summary>
    internal void MarkRunning() => _running = true;

    /// <summary>
    /// For the executor: runs the job on the calling thread (a worker thread) and completes the future
    /// with its result or its exception. Never throws.
    /// </summary>
    internal void Run(Func<T> job)
    {
        MarkRunning();
        try
        {
            _outcome.SetResult(job());
        }
#pragma warning disable CA1031 // the job's exception belongs to its future, as in Python
        catch (Exception e)
#pragma warning restore CA1031
        {
            _outcome.SetException(e);
        }
    }

    /// <summary>Like Python's repr, without the address: <c>&lt;Future state=running&gt;</c>.</summary>
    public override string ToString() => State switch
    {
        FutureState.Pending => "<Future state=pending>",
        FutureState.Running => "<Future state=running>",
        _ when _outcome.Task.IsFaulted => $"<Future state=finished raised {_outcome.Task.Exception!.InnerException!.GetType().Name}>",
        _ => $"<Future state=finished returned {typeof(T).Name}>",
    };
}
