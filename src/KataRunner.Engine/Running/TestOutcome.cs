using AsyncKatas.Catalog;

namespace KataRunner.Engine.Running;

/// <summary>How one test ended, as `dotnet test` reports it.</summary>
public enum Outcome
{
    Passed,
    Failed,
    Skipped,
}

/// <summary>One test's result: its full name (namespace.class.method, with arguments), its kata (from the kata
/// category of its fixture; null for a test of no kata), and the failure message NUnit recorded; for a failure tests/Support wrote,
/// what it is as the support recorded it (<see cref="FailureProperties"/>): its kind and its gist.</summary>
/// <param name="Kind">What the failure tells; <see cref="FailureKind.Bare"/> for one the support did not write (an exception, NUnit's own words).</param>
/// <param name="Gist">What the failure says without what is the test's own (its name, its hint, its received file); null when the support did not write it.</param>
/// <param name="Timeline">The timeline of the test's last run on the loop and the lines it expected (<see cref="TimelineProperties"/>); null when it recorded none.</param>
public sealed record TestOutcome(string FullName, Kata? Kata, Outcome Outcome, string Message, string StackTrace,
    FailureKind Kind = FailureKind.Bare, string? Gist = null, KataTimeline? Timeline = null)
{
    /// <summary>The kata's id, as NUnit's category and `dotnet test --filter TestCategory=` name it; "" for a test of no kata.</summary>
    public string Category => Kata?.Id ?? "";

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
