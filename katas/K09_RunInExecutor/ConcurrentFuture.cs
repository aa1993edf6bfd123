using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace AsyncKatas.K09_RunInExecutor;

/// <summary>
/// A callback-style future, like Python's <c>concurrent.futures.Future</c>: a thread pool completes it
/// from a worker thread, and the only ways to learn the outcome are a done callback or a call that
/// blocks. It cannot be awaited; <see cref="FutureBridge.ToTask{T}"/> (yours to write) makes it awaitable.
/// This file is given.
/// </summary>
public sealed class ConcurrentFuture<T>
{
    private enum Stage { Pending, Running, Cancelled, Finished }

    private readonly object _gate = new();
    private readonly List<Action<ConcurrentFuture<T>>> _callbacks = [];
    private Stage _stage;
    private T? _result;
    private ExceptionDispatchInfo? _exception;

    /// <summary>True while the job is at work on a thread.</summary>
    public bool Running { get { lock (_gate) { return _stage == Stage.Running; } } }

    /// <summary>True once the future was cancelled before its job started.</summary>
    public bool Cancelled { get { lock (_gate) { return _stage == Stage.Cancelled; } } }

    /// <summary>True once the future has an outcome: a result, an exception, or a cancellation.</summary>
    public bool Done { get { lock (_gate) { return _stage is Stage.Cancelled or Stage.Finished; } } }

    /// <summary>
    /// Calls <paramref name="callback"/> with this future once it is done: at once, on the calling thread,
    /// if it is done already; otherwise later, on the thread that completes it (a worker thread, most of
    /// the time). As in Python, an exception thrown by a callback is caught and only traced.
    /// </summary>
    public void AddDoneCallback(Action<ConcurrentFuture<T>> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            if (_stage is Stage.Pending or Stage.Running)
            {
                _callbacks.Add(callback);
                return;
            }
        }
        Invoke(callback);
    }

    /// <summary>
    /// The job's result. Blocks the calling thread until the future is done (never call it on the loop
    /// before that). Throws the job's exception if it failed, <see cref="OperationCanceledException"/> if
    /// the future was cancelled.
    /// </summary>
    public T Result()
    {
        WaitUntilDone();
        lock (_gate)
        {
            if (_stage == Stage.Cancelled) throw new OperationCanceledException("The future was cancelled.");
            _exception?.Throw();
            return _result!;
        }
    }

    /// <summary>
    /// The job's exception, or null if it succeeded. Blocks until the future is done; throws
    /// <see cref="OperationCanceledException"/> if the future was cancelled.
    /// </summary>
    public Exception? Exception()
    {
        WaitUntilDone();
        lock (_gate)
        {
            if (_stage == Stage.Cancelled) throw new OperationCanceledException("The future was cancelled.");
            return _exception?.SourceException;
        }
    }

    /// <summary>Cancels the future if its job has not started yet. Returns false if it is running or finished.</summary>
    public bool Cancel()
    {
        lock (_gate)
        {
            if (_stage is Stage.Running or Stage.Finished) return false;
            if (_stage == Stage.Cancelled) return true;
            _stage = Stage.Cancelled;
            Monitor.PulseAll(_gate);
        }
        InvokeCallbacks();
        return true;
    }

    /// <summary>For the executor, on the worker thread, just before the job: false if the future was cancelled (skip the job).</summary>
    public bool SetRunningOrNotifyCancel()
    {
        lock (_gate)
        {
            switch (_stage)
            {
                case Stage.Cancelled: return false;
                case Stage.Pending: _stage = Stage.Running; return true;
                default: throw new InvalidOperationException($"The future is already {_stage.ToString().ToLowerInvariant()}.");
            }
        }
    }

    /// <summary>For the executor: the job returned <paramref name="result"/>.</summary>
    public void SetResult(T result) => Complete(result, null);

    /// <summary>For the executor: the job threw <paramref name="exception"/>.</summary>
    public void SetException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Complete(default, ExceptionDispatchInfo.Capture(exception));
    }

    /// <summary>Like Python's repr, without the address: <c>&lt;ConcurrentFuture state=running&gt;</c>.</summary>
    public override string ToString()
    {
        lock (_gate)
        {
            return _stage switch
            {
                Stage.Finished when _exception is not null => $"<ConcurrentFuture state=finished raised {_exception.SourceException.GetType().Name}>",
                Stage.Finished => $"<ConcurrentFuture state=finished returned {typeof(T).Name}>",
                _ => $"<ConcurrentFuture state={_stage.ToString().ToLowerInvariant()}>",
            };
        }
    }

    private void Complete(T? result, ExceptionDispatchInfo? exception)
    {
        lock (_gate)
        {
            if (_stage is Stage.Cancelled or Stage.Finished)
            {
                throw new InvalidOperationException($"The future is already {_stage.ToString().ToLowerInvariant()}.");
            }
            _result = result;
            _exception = exception;
            _stage = Stage.Finished;
            Monitor.PulseAll(_gate);
        }
        InvokeCallbacks();
    }

    private void WaitUntilDone()
    {
        lock (_gate)
        {
            while (_stage is Stage.Pending or Stage.Running) Monitor.Wait(_gate);
        }
    }

    private void InvokeCallbacks()
    {
        Action<ConcurrentFuture<T>>[] callbacks;
        lock (_gate)
        {
            callbacks = [.. _callbacks];
            _callbacks.Clear();
        }
        foreach (var callback in callbacks) Invoke(callback);
    }

    private void Invoke(Action<ConcurrentFuture<T>> callback)
    {
        try
        {
            callback(this);
        }
#pragma warning disable CA1031 // as in Python: a failing callback must not stop the others (Python logs it)
        catch (Exception e)
#pragma warning restore CA1031
        {
            Trace.TraceError("Exception calling a done callback of {0}: {1}", this, e);
        }
    }
}
