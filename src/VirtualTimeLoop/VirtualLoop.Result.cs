namespace VirtualTimeLoop;

/// <summary>How a run ends: the first failure a guard reports, or the main task's own end, and what was left behind.</summary>
public sealed partial class VirtualLoop
{
    private (LoopOutcome Outcome, string Detail, Exception? Exception)? _failure;
    private volatile bool _failed;

    private bool HasFailed => _failed;

    private void Fail(LoopOutcome outcome, string detail, Exception? exception = null)
    {
        lock (_gate) { _failure ??= (outcome, detail, exception); }
        _failed = true;
        Signal();
    }

    private LoopRun BuildResult(TimeSpan wallTime)
    {
        (LoopOutcome Outcome, string Detail, Exception? Exception)? failure;
        lock (_gate) { failure = _failure; }
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
            outcome = LoopOutcome.ProgramFailed;
        }
        else if (_main is { IsCanceled: true })
        {
            outcome = LoopOutcome.ProgramFailed;
            detail = "the main task was cancelled";
        }
        else
        {
            var leftovers = DescribeLeftoversAtAndAfterCompletion();
            outcome = leftovers is null || _options.AllowLeftovers ? LoopOutcome.Completed : LoopOutcome.LeftoverWork;
            detail = leftovers;
        }
        return new LoopRun
        {
            Label = _label,
            Outcome = outcome,
            Detail = detail,
            Exception = exception,
            Output = _out.Text,
            Lines = _out.Lines,
            Elapsed = Clock.Elapsed,
            WallTime = wallTime,
            Steps = _steps,
            TimersFired = _timersFired,
            TimersLeft = Clock.ArmedTimerCount,
            ThreadsCreated = Threads.ThreadsCreated,
            MainTask = _main,
        };
    }

    private string? DescribeLeftovers() => DescribeOutstanding(Threads.ActiveCount + Threads.PendingCount);

    private string? DescribeOutstanding(int jobs)
    {
        var parts = new List<string>();
        var due = Clock.ArmedDueTimes();
        if (due.Count > 0)
        {
            parts.Add($"{due.Count} timer(s) still scheduled (due at {string.Join(", ", due.Take(5).Select(VirtualTimeFormat.Seconds))}{(due.Count > 5 ? ", …" : "")})");
        }
        if (jobs > 0) parts.Add($"{jobs} job(s) still on the loop's threads");
        var asyncVoid = Volatile.Read(ref _outstandingAsyncVoid);
        if (asyncVoid > 0) parts.Add($"{asyncVoid} async void method(s) still running");
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
