namespace VirtualTimeLoop.Tests;

/// <summary>
/// Short real-time guard windows for tests that trip a guard on purpose: the guard's logic is the same
/// at 100 ms as at 1.5 s, and the suite stays within a few seconds. Correct programs never come near
/// them, so they do not flake on a loaded machine.
/// </summary>
internal static class Budgets
{
    public static LoopOptions Short { get; } = new()
    {
        WaitBudget = TimeSpan.FromMilliseconds(100),
        BusyBudget = TimeSpan.FromSeconds(2),
        SharedPoolBudget = TimeSpan.FromMilliseconds(300),
        IdleSettle = TimeSpan.FromMilliseconds(50),
        MaxStepsPerInstant = 20_000,
    };
}
