using System.Text.RegularExpressions;
using KataRunner.Engine.Running;

namespace KataRunner.Engine.Session;

/// <summary>How much a failure tells the learner; the screen shows the most telling first.</summary>
public enum FailureKind
{
    /// <summary>A verdict that names the likely cause (or lists the causes that fit).</summary>
    NamedCause,
    /// <summary>A verdict with a fix for this kata, but no cause.</summary>
    Fix,
    /// <summary>A stub not written yet: the message names the file to open.</summary>
    NotStarted,
    /// <summary>Only what was observed: a bare diff, an exception, NUnit's own words.</summary>
    Bare,
}

/// <summary>
/// Failing tests whose messages say the same thing once the test's own name is left out: shown once,
/// with the names of the others.
/// </summary>
public sealed record FailureGroup(TestOutcome First, IReadOnlyList<TestOutcome> Same, FailureKind Kind)
{
    /// <summary>How many tests failed this way.</summary>
    public int Count => 1 + Same.Count;
}

/// <summary>
/// Sorts a kata's failures into <see cref="FailureGroup"/>s, most telling first, in test order within a
/// kind. The NUnit message is the only thing a test hands the runner, so the kind is read from the
/// lines tests/Support's Verdict writes ("Likely cause:", "Possible causes", "Fix:") and from the
/// stub's "not started yet"; a message without them is bare.
/// </summary>
public static partial class FailureGroups
{
    public static IReadOnlyList<FailureGroup> Of(IEnumerable<TestOutcome> failures) =>
    [
        .. failures
            .GroupBy(f => Gist(f.Message, f.ShortName), StringComparer.Ordinal)
            .Select(g => new FailureGroup(g.First(), [.. g.Skip(1)], KindOf(g.First().Message)))
            .OrderBy(g => g.Kind), // a stable sort: test order within a kind
    ];

    public static FailureKind KindOf(string message) =>
        CauseLine().IsMatch(message) ? FailureKind.NamedCause
        : FixLine().IsMatch(message) ? FailureKind.Fix
        : NotStartedLine().IsMatch(message) ? FailureKind.NotStarted
        : FailureKind.Bare;

    /// <summary>What a message says once the test's own name (in its header) and the received file are left out.</summary>
    public static string Gist(string message, string testName)
    {
        if (string.IsNullOrWhiteSpace(message)) return "\0" + testName; // nothing said: never the same as another
        var lines = message.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(l => !l.StartsWith("Received: ", StringComparison.Ordinal))
            .Select(l => l.Replace(testName, "", StringComparison.Ordinal));
        return string.Join('\n', lines).Trim();
    }

    [GeneratedRegex(@"^\s+(Likely cause: |Possible causes)", RegexOptions.Multiline)]
    private static partial Regex CauseLine();

    [GeneratedRegex(@"^\s+Fix: ", RegexOptions.Multiline)]
    private static partial Regex FixLine();

    [GeneratedRegex(@"^K\d\d \S+ › .*?: not started yet: ")]
    private static partial Regex NotStartedLine();
}
