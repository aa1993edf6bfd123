namespace AsyncKatas.Catalog;

/// <summary>How much a kata test's failure tells the learner, most telling first (the watch runner shows them in this order).</summary>
public enum FailureKind
{
    /// <summary>A verdict that names the likely cause (or lists the causes that fit).</summary>
    NamedCause,
    /// <summary>A verdict with a fix for this kata, but no cause.</summary>
    Fix,
    /// <summary>A stub not written yet: the verdict names the file to open.</summary>
    NotStarted,
    /// <summary>Only what was observed: a bare diff, an exception, NUnit's own words (also every failure tests/Support did not write).</summary>
    Bare,
}

/// <summary>
/// The NUnit test properties tests/Support records on a test when it fails it, so that the watch runner,
/// which reads NUnit's results in-process, learns what the failure is as data instead of from its words.
/// Values are strings (the runner loads the tests in a load context of their own, so no type of theirs crosses).
/// The `dotnet test` summary cannot see properties set while a test runs: it reads the same failure as a
/// <see cref="KataFailureRecord"/> the test attached.
/// </summary>
public static class FailureProperties
{
    /// <summary>The failure's <see cref="FailureKind"/>, by name.</summary>
    public const string Kind = "KataFailureKind";

    /// <summary>What the failure says, without what is the test's own: the header with the test's name, the hint line
    /// and the received file. Two failures with the same gist say the same thing.</summary>
    public const string Gist = "KataFailureGist";
}
