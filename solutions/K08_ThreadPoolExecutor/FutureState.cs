namespace AsyncKatas.K08_ThreadPoolExecutor;

/// <summary>Where a submitted job is in its life, as Python's <c>concurrent.futures.Future</c> reports it.</summary>
public enum FutureState
{
    /// <summary>Submitted, waiting for a free worker slot.</summary>
    Pending,

    /// <summary>Holds a worker slot: about to start, or already at work on a thread.</summary>
    Running,

    /// <summary>The job has ended, with a result or an exception.</summary>
    Finished,
}
