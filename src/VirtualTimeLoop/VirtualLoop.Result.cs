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
        Leftovers? leftovers = null;
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
            var described = DescribeLeftoversAtAndAfterCompletion();
            leftovers = LeftoversAtAndAfterCompletion();
            outcome = described is null || _options.AllowLeftovers ? LoopOutcome.Completed : LoopOutcome.LeftoverWork;
            detail = described;
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
            Leftovers = leftovers,
        };
    }

    private Leftovers? OutstandingNow() => Outstanding(Threads.ActiveCount + Threads.PendingCount);

    private Leftovers? Outstanding(int jobs)
    {
        var left = new Leftovers(Clock.ArmedDueTimes(), jobs, Volatile.Read(ref _outstandingAsyncVoid));
        return left.IsEmpty ? null : left;
    }
}
