using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace VirtualTimeLoop;

/// <summary>
/// Which run the code on a thread belongs to, so that each run is judged on its own evidence when
/// runs share the process (parallel tests): an <see cref="AsyncLocal{T}"/> set when the run starts
/// flows with the ExecutionContext into everything the program starts (Task.Run, ThreadPool work,
/// timers, continuations, threads). The runtime's own events, heard in-process and on the thread that
/// raises them (FrameworkEventSource: a thread-pool work item queued or taken, a real timer armed),
/// are attributed to the run whose code raised them; code of other tests never counts.
/// </summary>
internal sealed class RunScope(RunningLoop loop, SharedPoolWork sharedPool, RealTimerLog realTimers)
{
    private readonly RunningLoop _loop = loop;
    private readonly SharedPoolWork _sharedPool = sharedPool;
    private readonly RealTimerLog _realTimers = realTimers;

    private static readonly AsyncLocal<RunScope?> Current = new(OnContextChanged);
    private static readonly ConcurrentDictionary<long, RunScope> QueuedWork = new();
    [ThreadStatic] private static RunScope? t_poolThreadRuns; // the run whose work this shared-pool thread is running
    private static readonly Lock ListenerGate = new();
    private static RuntimeEvents? _events;

    public RunningLoop Loop => _loop;

    /// <summary>Marks the calling ExecutionContext (the loop thread's, as the run starts) as this run's.</summary>
    public void Enter()
    {
        if (Volatile.Read(ref _events) is null) StartListening();
        Current.Value = this;
    }

    /// <summary>Unmarks the calling ExecutionContext (a loop thread's own, when the caller suppressed the flow of its context).</summary>
    public static void Leave() => Current.Value = null;

    /// <summary>True on a shared thread-pool thread that is running this run's code right now.</summary>
    public bool IsRunningOnThisPoolThread => t_poolThreadRuns == this;

    private static void StartListening()
    {
        lock (ListenerGate)
        {
            if (_events is not null) return;
            var events = new RuntimeEvents();
            events.WaitUntilHeard();
            Volatile.Write(ref _events, events);
        }
    }

    /// <summary>Stops listening to the runtime's events (see <see cref="LibraryLifetime"/>); the next run listens again.</summary>
    public static void StopListening()
    {
        lock (ListenerGate)
        {
            _events?.Dispose();
            Volatile.Write(ref _events, null);
        }
    }

    /// <summary>A shared-pool thread switched ExecutionContext: it began or ended running some run's code.</summary>
    private static void OnContextChanged(AsyncLocalValueChangedArgs<RunScope?> change)
    {
        if (!change.ThreadContextChanged || !Thread.CurrentThread.IsThreadPoolThread) return;
        if (change.PreviousValue is { } left && t_poolThreadRuns == left)
        {
            // A Task run by the pool (a Task.Run, a StartNew, a ContinueWith) gets its own context back before the
            // task completes: its continuations (an Unwrap's proxy, a WhenAll's promise) still run here, on the
            // pool's clean context, and may complete what the loop awaits. The task is still the thread's current
            // one: the thread keeps the run's mark until the pool's reset after the item says it ended. Without
            // this the loop could move time in between, so the completion would land after the next timer on
            // some machines and before it on others.
            if (change.CurrentValue is null && Task.CurrentId is not null)
            {
                Current.Value = left;
                return;
            }
            t_poolThreadRuns = null;
            left._sharedPool.Left();
        }
        if (change.CurrentValue is { } entered && t_poolThreadRuns != entered)
        {
            t_poolThreadRuns?._sharedPool.Left();
            t_poolThreadRuns = entered;
            entered._sharedPool.Entered();
        }
    }

    private static void OnQueued(long id)
    {
        if (Current.Value is not { } scope) return;
        QueuedWork[id] = scope;
        scope._sharedPool.Queued();
    }

    private static void OnTaken(long id)
    {
        // A thread that takes a new item has finished the one before (even one that carried no context).
        if (t_poolThreadRuns is { } previous)
        {
            t_poolThreadRuns = null;
            previous._sharedPool.Left();
        }
        if (!QueuedWork.TryRemove(id, out var scope)) return;
        t_poolThreadRuns = scope;
        scope._sharedPool.Started();
        // The item is about to run on this thread's clean context. An item queued without the context (the
        // runtime's own: a continuation of a TaskCompletionSource with RunContinuationsAsynchronously, Task.WhenAll's
        // promise) never switches context, so its end would go unheard until this thread takes another item: the
        // run's mark is put on the thread now, and the pool's reset after the item (a context change) says it ended.
        // An item that carries its own context replaces the mark with it, and the same reset says when it ended.
        Current.Value = scope;
    }

    private static void OnRealTimerArmed(int dueMilliseconds)
    {
        if (dueMilliseconds >= 0 && Current.Value is { } scope) scope._realTimers.Armed(dueMilliseconds, scope._loop.Clock.Elapsed);
    }

    /// <summary>The in-process listener to the runtime's FrameworkEventSource (thread-pool work and timer events).</summary>
    private sealed class RuntimeEvents : EventListener
    {
        private const int ThreadPoolEnqueueWork = 30;
        private const int ThreadPoolDequeueWork = 31;
        private const int ThreadTransferSend = 150;
        private const int TimerKind = 1;
        private const EventKeywords ThreadPoolAndTransfers = (EventKeywords)(0x0002 | 0x0010);
        private volatile bool _heardQueuedWork;

        /// <summary>
        /// The thread pool notices that its events are wanted only when one of its threads next looks:
        /// queues no-op items until the first one is heard (a few milliseconds, once per process), so
        /// that the first run's Task.Run is not missed. Gives up after a second (EventSource disabled).
        /// </summary>
        public void WaitUntilHeard()
        {
            using var done = new ManualResetEventSlim();
            for (var i = 0; i < 100 && !_heardQueuedWork; i++)
            {
                done.Reset();
                ThreadPool.UnsafeQueueUserWorkItem(static d => ((ManualResetEventSlim)d!).Set(), done);
                done.Wait(TimeSpan.FromMilliseconds(10));
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "System.Diagnostics.Eventing.FrameworkEventSource") EnableEvents(eventSource, EventLevel.Verbose, ThreadPoolAndTransfers);
        }

        // Runs inside the runtime's own calls (a thread-pool enqueue, a timer's Change): it must never throw.
        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            try
            {
                Attribute(e);
            }
            catch (Exception)
            {
                // An event left unattributed costs a run some evidence; a throw here would break the caller's code.
            }
        }

        private void Attribute(EventWrittenEventArgs e)
        {
            switch (e.EventId)
            {
                case ThreadPoolEnqueueWork when e.Payload is [long id, ..]:
                    _heardQueuedWork = true;
                    OnQueued(id);
                    break;
                case ThreadPoolDequeueWork when e.Payload is [long id, ..]:
                    OnTaken(id);
                    break;
                case ThreadTransferSend when e.Payload is [_, int kind, _, _, int due, ..] && kind == TimerKind:
                    OnRealTimerArmed(due);
                    break;
            }
        }
    }
}
