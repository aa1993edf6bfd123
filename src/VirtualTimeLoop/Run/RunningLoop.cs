using System.Globalization;

namespace VirtualTimeLoop;

/// <summary>
/// One run of the virtual loop, from start to result: it starts on a loop thread (<see cref="LoopThreads"/>),
/// runs the program's first step and the pump (<see cref="LoopPump"/>), and ends from the loop thread,
/// or from the <see cref="Watchdog"/> or a cancellation when the loop thread is stuck. It wires the
/// run's parts together; each is a type of its own that owns its state.
/// </summary>
internal sealed class RunningLoop
{
    private readonly string _label;
    private readonly LoopOptions _options;
    private readonly ReadyQueue _ready = new();
    private readonly RunFailure _failure;
    private readonly StepMeter _steps;
    private readonly AsyncVoidOperations _asyncVoid;
    private readonly RecordingWriter _out;
    private readonly Leftovers _leftovers;
    private readonly TimeGuards _guards;
    private readonly SharedPoolWork _sharedPool;
    private readonly LoopPump _pump;
    private readonly TaskCompletionSource<LoopRun> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ExecutionContext? _callerContext;
    private Watchdog.RunWatch? _watch;
    private Thread? _thread;
    private Task? _main;
    private int _finished;

    public RunningLoop(string label, LoopOptions options)
    {
        _label = label;
        _options = options;
        _failure = new RunFailure(_ready.Signal);
        _steps = new StepMeter(options);
        _asyncVoid = new AsyncVoidOperations(_ready.Signal);
        _sharedPool = new SharedPoolWork(_ready.Signal);
        var realTimers = new RealTimerLog();
        Scope = new RunScope(this, _sharedPool, realTimers);
        Clock = new VirtualClock(new TimerOwnership(this, _failure, _sharedPool), options.StartTime, options.LocalTimeZone);
        Threads = new VirtualThreadPool(_ready.Signal, options.MaxThreads);
        _out = new RecordingWriter(this);
        _leftovers = new Leftovers(Clock, Threads, _asyncVoid);
        _guards = new TimeGuards(options, Clock, _steps, _failure, realTimers);
        _pump = new LoopPump(this, options, _ready, _failure, _steps, _guards, _sharedPool);
        if (options.RecordTimeline) Clock.Recorder = Timeline = new TimelineRecorder(this);
    }

    /// <summary>Records the run's timeline when the options ask for it; else null.</summary>
    internal TimelineRecorder? Timeline { get; }

    /// <summary>The loop's clock: every timer created through it fires only when the loop moves time to it.</summary>
    internal VirtualClock Clock { get; }

    /// <summary>The loop's threads for blocking work.</summary>
    internal VirtualThreadPool Threads { get; }

    /// <summary>Which run the code on a thread belongs to.</summary>
    internal RunScope Scope { get; }

    /// <summary>The thread the loop runs on, while it runs.</summary>
    internal Thread? LoopThread => Volatile.Read(ref _thread);

    /// <summary>The step running on the loop thread (a serial number), or 0 between steps.</summary>
    internal long RunningStep => _steps.Running;

    /// <summary>None of the program's work is queued or running on the shared thread pool.</summary>
    internal bool SharedPoolQuiet => _sharedPool.IsQuiet;

    /// <summary>Starts the run on a loop thread; the task completes when the run ends.</summary>
    public Task<LoopRun> Start(Func<LoopEnvironment, Task> program)
    {
        // The program runs in the caller's ExecutionContext (its AsyncLocals: a test framework's context).
        _callerContext = ExecutionContext.Capture();
        LibraryLifetime.WatchUnloading();
        _watch = Watchdog.Join(this, _options);
        LoopThreads.Run(() => RunHere(program));
        return _result.Task;
    }

    /// <summary>The run as a task; a cancelled token stops the run and cancels the task.</summary>
    public Task<LoopRun> RunToEndAsync(Func<LoopEnvironment, Task> program, CancellationToken cancellationToken) =>
        cancellationToken.CanBeCanceled ? RunToEndCancellableAsync(program, cancellationToken) : Start(program);

    private async Task<LoopRun> RunToEndCancellableAsync(Func<LoopEnvironment, Task> program, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        LoopRun run;
        var ended = Start(program);
        using (cancellationToken.Register(static s => ((RunningLoop)s!).Stop(LoopOutcome.WallTimeExceeded, new RunCancelledByCaller()), this))
        {
            run = await ended.ConfigureAwait(false);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return run;
    }

    private void RunHere(Func<LoopEnvironment, Task> program)
    {
        Volatile.Write(ref _thread, Thread.CurrentThread);
        try
        {
            if (_callerContext is null)
            {
                // No context to run in: the loop thread's own carries the run's marks, and loses them after.
                try { RunProgram(program); }
                finally { RunScope.Leave(); }
            }
            else ExecutionContext.Run(_callerContext, static s => { var (loop, p) = ((RunningLoop, Func<LoopEnvironment, Task>))s!; loop.RunProgram(p); }, (this, program));
        }
        catch (Exception e)
        {
            _failure.Fail(LoopOutcome.ProgramFailed, new ExceptionThrown(ThrowSite.Loop), e);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
            Finish();
            Volatile.Write(ref _thread, null); // the thread goes back to LoopThreads
        }
    }

    private void RunProgram(Func<LoopEnvironment, Task> program)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        Scope.Enter();
        var main = _pump.Start(program, new LoopEnvironment(_out, Clock, Threads));
        Volatile.Write(ref _main, main);
        _leftovers.WatchCompletionOf(main);
        _pump.Run(main);
    }

    /// <summary>
    /// Fails the run from another thread (the watchdog, a cancellation). The loop thread ends the run
    /// when it sees the failure, unless it is stuck inside a step: then the run ends here, and the
    /// stuck thread is left behind.
    /// </summary>
    internal void Stop(LoopOutcome outcome, LoopEvidence evidence)
    {
        _failure.Fail(outcome, evidence);
        if (RunningStep != 0 || outcome == LoopOutcome.WallTimeExceeded) Finish();
    }

    private void Finish()
    {
        if (Interlocked.Exchange(ref _finished, 1) != 0) return;
        try
        {
            Watchdog.Leave(_watch!);
            Threads.ShutDown();
            var run = BuildResult(_watch!.Elapsed);
            ReleaseStrangers();
            _result.SetResult(run);
        }
        catch (Exception e)
        {
            _result.TrySetException(e); // a fault of the library's own: the caller sees it instead of waiting for ever
        }
    }

    private LoopRun BuildResult(TimeSpan wallTime)
    {
        var main = Volatile.Read(ref _main);
        LoopOutcome outcome;
        LoopEvidence? evidence = null;
        Exception? exception = null;
        PendingWork? pending = null;
        if (_failure.First is { } failure)
        {
            (outcome, evidence, exception) = failure;
        }
        else if (main is { IsFaulted: true } faulted)
        {
            exception = faulted.Exception!.InnerExceptions.Count == 1 ? faulted.Exception.InnerException : faulted.Exception;
            outcome = LoopOutcome.ProgramFailed;
        }
        else if (main is { IsCanceled: true })
        {
            outcome = LoopOutcome.ProgramFailed;
            evidence = new MainTaskCancelled();
        }
        else
        {
            var leftovers = _leftovers.Evidence();
            pending = _leftovers.AtAndAfterCompletion();
            outcome = leftovers is null || _options.AllowLeftovers ? LoopOutcome.Completed : LoopOutcome.LeftoverWork;
            evidence = leftovers;
        }
        return new LoopRun
        {
            Label = _label,
            Outcome = outcome,
            Evidence = evidence,
            Exception = exception,
            Output = _out.Text,
            Lines = _out.Lines,
            Elapsed = Clock.Elapsed,
            WallTime = wallTime,
            Steps = _steps.Steps,
            TimersFired = _steps.TimersFired,
            TimersLeft = Clock.ArmedTimerCount,
            ThreadsCreated = Threads.ThreadsCreated,
            MainTask = main,
            Leftovers = pending,
            Recorder = Timeline,
        };
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

    internal bool IsOnLoopThread => Thread.CurrentThread == Volatile.Read(ref _thread);

    /// <summary>True when the calling code runs neither in the loop's context nor on one of its worker threads.</summary>
    internal bool IsOutsideLoop()
    {
        if (IsOnLoopThread) return SynchronizationContext.Current is not LoopSynchronizationContext context || context.Loop != this;
        return VirtualWorker.Current is null;
    }

    /// <summary>True on a thread that is neither the loop's nor one of its workers (the shared thread pool, a new Thread).</summary>
    internal bool IsOnUnknownThread() => !IsOnLoopThread && VirtualWorker.Current is null;

    internal void Post(SendOrPostCallback callback, object? state)
    {
        if (Timeline is { } timeline) (callback, state) = timeline.Wrap(callback, state);
        _ready.Post(callback, state, wake: !IsOnLoopThread);
    }

    /// <summary>An <c>async void</c> method started in the loop's context.</summary>
    internal void OperationStarted() => _asyncVoid.Started();

    internal void OperationCompleted() => _asyncVoid.Completed();
}
