using System.Diagnostics;
using System.Globalization;

namespace AsyncKatas.Tests.Harness;

/// <summary>
/// A deterministic, single-threaded event loop on a virtual clock, in the spirit of asyncio's loop,
/// Nito.AsyncEx's AsyncContext and kotlinx-coroutines-test's runTest.
/// <list type="bullet">
/// <item>Continuations posted to the loop run one at a time, in FIFO order, on the loop's own thread.</item>
/// <item>When nothing is ready, the clock jumps to the exact due time of the next timer; timers due at
/// the same instant fire in the order they were created, each seeing its own due time.</item>
/// <item>Blocking work runs on <see cref="VirtualThreadPool"/> threads that take turns with the loop, so
/// virtual time never moves while a thread is still working.</item>
/// <item>Every way a program can hang ends in a <see cref="LoopOutcome"/> with a message instead.</item>
/// </list>
/// </summary>
public sealed class VirtualLoop
{
    private readonly Kata _kata;
    private readonly LoopOptions _options;
    private readonly object _gate = new();
    private readonly Queue<(SendOrPostCallback Callback, object? State)> _ready = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly ManualResetEventSlim _finished = new(false);
    private readonly RecordingWriter _out;
    private Thread? _thread;
    private Task? _main;
    private long _stepStartedAt; // Stopwatch timestamp while a step runs on the loop thread, else 0
    private long _steps;
    private long _stepsThisInstant;
    private long _instant;
    private long _timersFired;
    private int _outstandingAsyncVoid;
    private int _realTimersAtStart;
    private int _poolBaseline = int.MaxValue;
    private long _pendingBaseline = long.MaxValue;
    private (LoopOutcome Outcome, string Detail, Exception? Exception)? _failure;

    private VirtualLoop(Kata kata, LoopOptions options)
    {
        _kata = kata;
        _options = options;
        Clock = new VirtualClock(this);
        Threads = new VirtualThreadPool(this);
        _out = new RecordingWriter(this);
    }

    public VirtualClock Clock { get; }
    public VirtualThreadPool Threads { get; }

    /// <summary>
    /// Runs <paramref name="program"/> on a new virtual loop until its main task ends (or a guard stops
    /// it) and returns what it printed, when, and how it ended. Never hangs; never throws for the
    /// program's faults.
    /// </summary>
    public static LoopRun Run(string kataId, Func<ProgramIO, Task> program, LoopOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        var loop = new VirtualLoop(KataCatalog.Get(kataId), options ?? LoopOptions.Default);
        var run = loop.RunToEnd(program);
        RunLog.Append(run);
        return run;
    }

    private LoopRun RunToEnd(Func<ProgramIO, Task> program)
    {
        var wall = Stopwatch.StartNew();
        var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
        _realTimersAtStart = (int)Timer.ActiveCount;
        // Whatever the shared pool is doing before the program starts is not the program's.
        _poolBaseline = BusyPoolThreads();
        _pendingBaseline = ThreadPool.PendingWorkItemCount;
        _thread = new Thread(() => LoopThread(program)) { IsBackground = true, Name = $"virtual loop {_kata.Id}" };
        _thread.Start();

        // The calling thread is the watchdog: the loop thread itself may be the one that is stuck.
        var detector = new StuckThreadDetector(_options);
        while (!_finished.Wait(TimeSpan.FromMilliseconds(20)))
        {
            var started = Interlocked.Read(ref _stepStartedAt);
            if (started != 0 && detector.Check(_thread, started, started) is { } how)
            {
                Fail(LoopOutcome.LoopBlocked, how);
                break;
            }
            if (wall.Elapsed > _options.WallBudget)
            {
                Fail(LoopOutcome.WallTimeExceeded, $"still running after {_options.WallBudget.TotalSeconds:0.#} s of real time");
                break;
            }
        }
        wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart;
        Threads.ShutDown();
        return BuildResult(wall.Elapsed, cpu);
    }

    private void LoopThread(Func<ProgramIO, Task> program)
    {
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            EnterStepContext();
            BeginStep();
            try
            {
                _main = program(new ProgramIO(_out, Clock, Threads))
                    ?? Task.FromException(new InvalidOperationException("The program returned null instead of a Task."));
            }
            catch (Exception e)
            {
                _main = Task.FromException(e);
            }
            finally
            {
                EndStep();
            }
            Pump();
        }
        catch (Exception e)
        {
            Fail(LoopOutcome.ProgramFailed, "the loop itself failed", e);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(null);
            _finished.Set();
        }
    }

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
            if (Threads.TryStartNext())
            {
                idleSince = null;
                continue;
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
                    Fail(LoopOutcome.WorkerBlocked, "work on the shared thread pool that never finished");
                    return;
                }
                _wake.WaitOne(TimeSpan.FromMilliseconds(1));
                continue;
            }
            poolBusySince = null;

            // 5. Jump to the next timer and fire every timer due at that instant, in creation order.
            if (Clock.TryPeekNextDue(out var due))
            {
                idleSince = null;
                if (new TimeSpan(due) - new TimeSpan(Clock.Start.UtcTicks) > _options.Horizon)
                {
                    Fail(LoopOutcome.HorizonReached, $"virtual time passed {FormatSeconds(_options.Horizon)}");
                    return;
                }
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
            if ((int)Timer.ActiveCount > _realTimersAtStart)
            {
                Fail(LoopOutcome.RealClockWait, "real-clock timers appeared while the loop had nothing to run");
            }
            else
            {
                Fail(LoopOutcome.NeverCompletes, "nothing ready, no timer, no thread at work");
            }
            return;
        }
    }

    /// <summary>
    /// True when the process's shared thread pool has no more work queued and no more threads at work
    /// than the least the loop has seen. Work stranded for good (threads blocked on the clock of an
    /// earlier run that failed, and the items queued behind them) stays in that baseline.
    /// </summary>
    private bool SharedPoolIsQuiet()
    {
        var pending = ThreadPool.PendingWorkItemCount;
        var busy = BusyPoolThreads();
        var quiet = pending <= _pendingBaseline && busy <= _poolBaseline;
        _pendingBaseline = Math.Min(_pendingBaseline, pending);
        _poolBaseline = Math.Min(_poolBaseline, busy);
        return quiet;
    }

    private static int BusyPoolThreads()
    {
        ThreadPool.GetMaxThreads(out var max, out _);
        ThreadPool.GetAvailableThreads(out var available, out _);
        return max - available;
    }

    private bool FireTimersDueAt(long due)
    {
        while (Clock.TryTakeDueAt(due) is { } timer)
        {
            if (!CountStep()) return false;
            _timersFired++;
            if (timer.Owner is not null) Threads.OnWorkerTimerReleased(timer);
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

    /// <summary>Waits (in real time) until no worker holds the turn; false if one is stuck.</summary>
    private bool WaitForWorkers()
    {
        VirtualWorker? watched = null;
        long watchedSince = 0;
        var detector = new StuckThreadDetector(_options);
        while (Threads.Running is { } running)
        {
            if (HasFailed) return false;
            if (running != watched) { watched = running; watchedSince = Stopwatch.GetTimestamp(); }
            if (detector.Check(running.Thread, watchedSince, watchedSince) is { } how)
            {
                Fail(LoopOutcome.WorkerBlocked, $"{running.Thread.Name}, {how}");
                return false;
            }
            _wake.WaitOne(TimeSpan.FromMilliseconds(10));
        }
        return !HasFailed;
    }

    /// <summary>
    /// Each step runs under its own instance of the loop's SynchronizationContext. .NET resumes an
    /// await inline when the task completes on the very context the await captured; with a new
    /// instance per step that never happens, so every continuation is queued behind work that was
    /// already ready, as asyncio does (a finished task's waiter runs on a later turn of the loop).
    /// </summary>
    private void EnterStepContext() => SynchronizationContext.SetSynchronizationContext(new LoopSynchronizationContext(this));

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
            Fail(LoopOutcome.AsyncVoidThrew, "a callback posted to the loop threw", e);
        }
        finally
        {
            EndStep();
        }
    }

    private bool CountStep()
    {
        var now = Clock.GetUtcNow().UtcTicks;
        if (now != _instant) { _instant = now; _stepsThisInstant = 0; }
        if (++_steps > _options.MaxSteps)
        {
            Fail(LoopOutcome.StepLimit, $"{_options.MaxSteps:N0} steps without finishing");
            return false;
        }
        if (++_stepsThisInstant > _options.MaxStepsPerInstant)
        {
            Fail(LoopOutcome.StepLimit, $"{_options.MaxStepsPerInstant:N0} steps at {FormatSeconds(Clock.Elapsed)}");
            return false;
        }
        return true;
    }

    private void BeginStep() => Interlocked.Exchange(ref _stepStartedAt, Stopwatch.GetTimestamp());
    private void EndStep() => Interlocked.Exchange(ref _stepStartedAt, 0);

    private bool TryDequeue(out (SendOrPostCallback Callback, object? State) item)
    {
        lock (_gate) { return _ready.TryDequeue(out item); }
    }

    internal void Post(SendOrPostCallback callback, object? state)
    {
        lock (_gate) { _ready.Enqueue((callback, state)); }
        // The loop only ever waits for other threads; its own posts need no wake-up call.
        if (!IsOnLoopThread) Signal();
    }

    internal void Signal() => _wake.Set();

    internal bool IsOnLoopThread => Thread.CurrentThread == _thread;

    /// <summary>True when the calling code runs neither in the loop's context nor on one of its worker threads.</summary>
    internal bool IsOutsideLoop()
    {
        if (IsOnLoopThread) return SynchronizationContext.Current is not LoopSynchronizationContext context || context.Loop != this;
        return VirtualWorker.Current is null;
    }

    /// <summary>True on a thread that is neither the loop's nor one of its workers (the shared thread pool, a new Thread).</summary>
    internal bool IsOnUnknownThread() => !IsOnLoopThread && VirtualWorker.Current is null;

    internal void OperationStarted() => Interlocked.Increment(ref _outstandingAsyncVoid);

    internal void OperationCompleted()
    {
        Interlocked.Decrement(ref _outstandingAsyncVoid);
        Signal();
    }

    /// <summary>A timer is re-armed or disarmed: a worker blocked on it counts as running again.</summary>
    internal void OnTimerChanging(VirtualTimer timer)
    {
        if (timer.Owner is not null) Threads.OnWorkerTimerReleased(timer);
    }

    /// <summary>Sorts out who armed a timer: the loop, one of its workers (a blocking sleep), or a stranger.</summary>
    internal void OnTimerArmed(VirtualTimer timer, TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan || IsOnLoopThread) return;
        if (VirtualWorker.Current is { } worker)
        {
            Threads.OnWorkerArmedTimer(worker, timer);
            return;
        }
        var thread = Thread.CurrentThread;
        var name = thread.IsThreadPoolThread ? "a shared thread-pool thread" : $"thread '{thread.Name ?? "#" + thread.ManagedThreadId}' (new Thread?)";
        Fail(LoopOutcome.UnknownThread, $"{name} armed a timer on the virtual clock");
    }

    internal void OnTimerDisposed(VirtualTimer timer)
    {
        if (timer.Owner is not null) Threads.OnWorkerTimerReleased(timer);
    }

    private bool HasFailed { get { lock (_gate) { return _failure is not null; } } }

    private void Fail(LoopOutcome outcome, string detail, Exception? exception = null)
    {
        lock (_gate) { _failure ??= (outcome, detail, exception); }
        Signal();
    }

    private LoopRun BuildResult(TimeSpan wallTime, TimeSpan cpuTime)
    {
        (LoopOutcome Outcome, string Detail, Exception? Exception)? failure;
        lock (_gate) { failure = _failure; }
        var elapsed = Clock.Elapsed;
        LoopOutcome outcome;
        string? detail = null;
        Exception? exception = null;
        if (failure is { } f)
        {
            (outcome, detail, exception) = f;
        }
        else if (_main is { IsFaulted: true } faulted)
        {
            exception = faulted.Exception!.InnerExceptions.Count == 1 ? faulted.Exception.InnerException : faulted.Exception;
            outcome = exception is NotImplementedException ? LoopOutcome.NotStarted : LoopOutcome.ProgramFailed;
        }
        else if (_main is { IsCanceled: true })
        {
            outcome = LoopOutcome.ProgramFailed;
            detail = "the main task was cancelled";
        }
        else
        {
            var leftovers = DescribeLeftovers();
            outcome = leftovers is null || _options.AllowLeftovers ? LoopOutcome.Completed : LoopOutcome.LeftoverWork;
            detail = leftovers;
        }
        return new LoopRun(_kata, outcome, detail, exception, _out.Text, _out.Lines, elapsed, wallTime, cpuTime,
            _steps, _timersFired, Clock.ArmedTimerCount, Threads.ThreadsCreated, _main);
    }

    private string? DescribeLeftovers()
    {
        var parts = new List<string>();
        var due = Clock.ArmedDueTimes();
        if (due.Count > 0)
        {
            parts.Add($"{due.Count} timer(s) still scheduled (due at {string.Join(", ", due.Take(5).Select(FormatSeconds))}{(due.Count > 5 ? ", …" : "")})");
        }
        var jobs = Threads.ActiveCount + Threads.PendingCount;
        if (jobs > 0) parts.Add($"{jobs} job(s) still on the loop's threads");
        var asyncVoid = Volatile.Read(ref _outstandingAsyncVoid);
        if (asyncVoid > 0) parts.Add($"{asyncVoid} async void method(s) still running");
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    internal static string FormatSeconds(TimeSpan t) => t.TotalSeconds.ToString("0.0##", CultureInfo.InvariantCulture) + " s";

    private sealed class LoopSynchronizationContext(VirtualLoop loop) : SynchronizationContext
    {
        public VirtualLoop Loop => loop;

        public override void Post(SendOrPostCallback d, object? state) => loop.Post(d, state);

        public override void Send(SendOrPostCallback d, object? state)
        {
            if (!loop.IsOnLoopThread) throw new NotSupportedException("Send to the virtual loop from another thread would block; use Post.");
            d(state);
        }

        public override void OperationStarted() => loop.OperationStarted();
        public override void OperationCompleted() => loop.OperationCompleted();
        public override SynchronizationContext CreateCopy() => this;
    }
}
