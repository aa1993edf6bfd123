namespace KataRunner.Engine.Running;

/// <summary>How one test ended, as `dotnet test` reports it.</summary>
public enum Outcome
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>One test's result: its full name (namespace.class.method, with arguments), the kata category
/// of its fixture (or Harness), and the failure message NUnit recorded.</summary>
public sealed record TestOutcome(string FullName, string Category, Outcome Outcome, string Message, string StackTrace)
{
    /// <summary>"TwoWorkersTests.TwoWorkers_TakeTurns_OnOneLoop": class and test, as failures name them.</summary>
    public string ShortName
    {
        get
        {
            var paren = FullName.IndexOf('(', StringComparison.Ordinal);
            var head = paren < 0 ? FullName : FullName[..paren];
            var dots = head.Split('.');
            return dots.Length < 2 ? FullName : $"{dots[^2]}.{dots[^1]}{(paren < 0 ? "" : FullName[paren..])}";
        }
    }
}
