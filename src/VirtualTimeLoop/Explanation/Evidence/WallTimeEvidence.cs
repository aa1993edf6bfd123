using System.Globalization;

namespace VirtualTimeLoop;

/// <summary>The run was still going after <see cref="Budget"/> of real time (<see cref="LoopOptions.WallBudget"/>).</summary>
/// <param name="Budget">The budget.</param>
public sealed record WallBudgetExceeded(TimeSpan Budget) : LoopEvidence
{
    internal override Sentence Say() => new("Evidence.WallBudgetExceeded", Budget.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture));
}

/// <summary>The caller cancelled the run (the token given to <see cref="VirtualLoop.RunAsync(Func{LoopEnvironment, Task}, LoopOptions?, CancellationToken)"/>).</summary>
public sealed record RunCancelledByCaller : LoopEvidence
{
    internal override Sentence Say() => new("Evidence.RunCancelledByCaller");
}

/// <summary>The watchdog that times the run's threads failed (a fault of the library's).</summary>
/// <param name="ExceptionType">The exception's type name.</param>
/// <param name="Message">Its message.</param>
public sealed record WatchdogFailed(string ExceptionType, string Message) : LoopEvidence
{
    internal override Sentence Say() => new("Evidence.WatchdogFailed", ExceptionType, Message);
}
