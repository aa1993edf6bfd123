using System.Diagnostics;

namespace VirtualTimeLoop;

/// <summary>
/// Records a run's timeline as it happens (only when <see cref="LoopOptions.RecordTimeline"/> asks): each
/// step with the task it resumed and what woke it (the step, timer or thread that posted it), each timer
/// armed and fired with the async method that armed it and where, each printed line with the method that
/// printed it. <see cref="TimelineBuilder"/> turns the records into lanes when the timeline is read.
/// Capped: past <see cref="MaxEvents"/> records the rest is counted, not kept.
/// </summary>
internal sealed class TimelineRecorder(RunningLoop loop)
{
    /// <summary>The most steps, timer armings and printed lines kept.</summary>
    internal const int MaxEvents = 50_000;

    /// <summary>The most timers whose creation site is read from the stack (it costs a stack walk with line numbers).</summary>
    internal const int MaxSites = 1_000;

    private readonly Lock _gate = new();
    private readonly List<StepRecord> _steps = [];
    private readonly List<ArmRecord> _arms = [];
    private readonly List<PrintRecord> _prints = [];
    private readonly Dictionary<int, TimeSpan> _fired = [];
    private readonly Dictionary<object, string> _names = new(ReferenceEqualityComparer.Instance); // read as a task first runs: a finished one has dropped its arguments
    private int _current = -1; // the step running on the loop thread, else -1
    private int _firing; // the timer whose callback runs on the loop thread, else 0
    private int _nextTimerId;
    private int _seq;
    private Task? _main;
    private (TimeSpan At, Cause By)? _mainEnded;

    internal int Dropped { get; private set; }

    /// <summary>What woke a step, or who did something: a step, a timer, a thread outside the loop.</summary>
    internal readonly record struct Cause(CauseKind Kind, int Ref, string? Thread);

    internal enum CauseKind { None, Step, Timer, Thread }

    internal sealed record StepRecord(int Index, object? Key, Cause WokenBy, TimeSpan At, string Thread);

    internal sealed record ArmRecord(int Seq, int TimerId, int Step, Type? Method, TimeSpan At, TimeSpan Due, TimeSpan Period, string? Site, string Thread);

    internal sealed record PrintRecord(int Seq, string Text, int Step, Type? Method, TimeSpan At, string Thread);

    private TimeSpan Now => loop.Clock.Elapsed;

    /// <summary>The first step (the call that returns the main task) begins.</summary>
    public void BeginFirstStep() => Begin(null, new Cause(CauseKind.None, 0, null));

    /// <summary>The program returned its main task: the first step belongs to it.</summary>
    public void MainReturned(Task main)
    {
        lock (_gate)
        {
            _main = main;
            _names.TryAdd(main, LaneNames.Of(main));
            if (_steps.Count > 0) _steps[0] = _steps[0] with { Key = main };
        }
        main.ContinueWith(static (_, s) => ((TimelineRecorder)s!).MainEnded(), this, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void MainEnded()
    {
        lock (_gate) { _mainEnded = (Now, CauseHere()); }
    }

    /// <summary>Wraps a callback posted to the loop so that its step is recorded with what posted it.</summary>
    public (SendOrPostCallback Callback, object? State) Wrap(SendOrPostCallback callback, object? state) =>
        (static s => ((Posted)s!).Run(), new Posted(this, callback, state, CauseHere()));

    /// <summary>A timer's callback is about to run on the loop thread (the pump fires it).</summary>
    public void Firing(VirtualTimer timer)
    {
        lock (_gate)
        {
            if (timer.TimelineId != 0) _fired[timer.TimelineId] = Now;
            _firing = timer.TimelineId;
        }
    }

    /// <summary>The timer's callback has run.</summary>
    public void Fired()
    {
        lock (_gate) { _firing = 0; }
    }

    /// <summary>A timer was armed (or re-armed) on the clock.</summary>
    public void Armed(VirtualTimer timer, long dueMilliseconds, long periodMilliseconds)
    {
        var trace = new StackTrace(1, fNeedFileInfo: Volatile.Read(ref _nextTimerId) < MaxSites);
        var method = CallSites.InnermostAsyncMethod(trace);
        var site = trace.FrameCount > 0 && Volatile.Read(ref _nextTimerId) < MaxSites ? CallSites.FirstOutsideRuntime(trace) : null;
        var thread = ThreadName();
        lock (_gate)
        {
            if (timer.TimelineId == 0) timer.TimelineId = ++_nextTimerId;
            if (Full()) return;
            var now = Now;
            _arms.Add(new ArmRecord(_seq++, timer.TimelineId, StepHere(), method, now, now + TimeSpan.FromMilliseconds(dueMilliseconds),
                TimeSpan.FromMilliseconds(periodMilliseconds == Timeout.Infinite ? 0 : periodMilliseconds), site, thread));
        }
    }

    /// <summary>A line was printed (its newline written).</summary>
    public void Printed(string text, TimeSpan at)
    {
        var method = CallSites.InnermostAsyncMethod(new StackTrace(1, fNeedFileInfo: false));
        var thread = ThreadName();
        lock (_gate)
        {
            if (Full()) return;
            _prints.Add(new PrintRecord(_seq++, text, StepHere(), method, at, thread));
        }
    }

    /// <summary>The timeline of the run so far.</summary>
    public RunTimeline Build(TimeSpan elapsed)
    {
        lock (_gate)
        {
            return new TimelineBuilder(_steps, _arms, _prints, _fired, _names, _main, _mainEnded, elapsed, Dropped).Build();
        }
    }

    private void Begin(object? key, Cause wokenBy)
    {
        var thread = ThreadName();
        lock (_gate)
        {
            if (Full()) { _current = -1; return; }
            _current = _steps.Count;
            if (key is Task task && !_names.ContainsKey(task)) _names[task] = LaneNames.Of(task);
            _steps.Add(new StepRecord(_steps.Count, key, wokenBy, Now, thread));
        }
    }

    public void EndStep()
    {
        lock (_gate) { _current = -1; }
    }

    private bool Full()
    {
        if (_steps.Count + _arms.Count + _prints.Count < MaxEvents) return false;
        Dropped++;
        return true;
    }

    /// <summary>The step of the loop thread's code running now, or -1 (on another thread, or a timer's callback).</summary>
    private int StepHere()
    {
        lock (_gate) { return loop.IsOnLoopThread && _firing == 0 ? _current : -1; }
    }

    private Cause CauseHere()
    {
        if (!loop.IsOnLoopThread) return new Cause(CauseKind.Thread, 0, ThreadName());
        lock (_gate)
        {
            if (_firing != 0) return new Cause(CauseKind.Timer, _firing, null);
            return _current >= 0 ? new Cause(CauseKind.Step, _current, null) : new Cause(CauseKind.None, 0, null);
        }
    }

    private string ThreadName()
    {
        if (loop.IsOnLoopThread) return "loop";
        var thread = Thread.CurrentThread;
        if (VirtualWorker.Current is not null && thread.Name is { } name) return name.Replace("virtual-loop ", "", StringComparison.Ordinal);
        return thread.IsThreadPoolThread ? $"shared pool thread {thread.ManagedThreadId}" : $"thread {thread.ManagedThreadId}";
    }

    /// <summary>A callback posted to the loop, with what posted it.</summary>
    private sealed class Posted(TimelineRecorder recorder, SendOrPostCallback callback, object? state, Cause cause)
    {
        public void Run()
        {
            recorder.Begin(TaskKeys.Of(callback, state), cause);
            try { callback(state); }
            finally { recorder.EndStep(); }
        }
    }
}
