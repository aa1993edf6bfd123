namespace VirtualTimeLoop.Tests;

/// <summary>Runs a ported test's body as a program on the loop and checks that it completed.</summary>
internal static class OnTheLoop
{
    public static LoopRun Run(Func<LoopEnvironment, Task> body)
    {
        var run = VirtualLoop.Run(TestContext.CurrentContext.Test.Name, body, Budgets.Short);
        Assert.That(run.Outcome, Is.EqualTo(LoopOutcome.Completed), run.Explain);
        return run;
    }

    public static Task Ms(this LoopEnvironment io, double milliseconds) => Task.Delay(TimeSpan.FromMilliseconds(milliseconds), io.Time);
}
