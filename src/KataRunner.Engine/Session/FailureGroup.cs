using System.Text.RegularExpressions;
using AsyncKatas.Catalog;
using KataRunner.Engine.Running;

namespace KataRunner.Engine.Session;

/// <summary>
/// Failing tests that say the same thing once what is each test's own is left out: shown once, with the
/// names of the others.
/// </summary>
public sealed record FailureGroup(TestOutcome First, IReadOnlyList<TestOutcome> Same, FailureKind Kind)
{
    /// <summary>How many tests failed this way.</summary>
    public int Count => 1 + Same.Count;
}

/// <summary>
/// Sorts a kata's failures into <see cref="FailureGroup"/>s, most telling first (<see cref="FailureKind"/>'s
/// order), in test order within a kind. The kind and the gist are what tests/Support recorded on each test
/// (<see cref="TestOutcome.Kind"/>, <see cref="TestOutcome.Gist"/>); a failure it did not write is bare, and
/// the same as another only when the two messages are identical. Messages that differ only by their
/// numbers (a time, a count, a line number) have the same shape: the same failure, shown once.
/// </summary>
public static class FailureGroups
{
    private static readonly Regex Number = new(@"\d+(?:[.,]\d+)*", RegexOptions.CultureInvariant);

    public static IReadOnlyList<FailureGroup> Of(IEnumerable<TestOutcome> failures) =>
    [
        .. failures
            .GroupBy(f => (f.Kind, SameAs(f)))
            .Select(g => new FailureGroup(g.First(), [.. g.Skip(1)], g.Key.Kind))
            .OrderBy(g => g.Kind), // a stable sort: test order within a kind
    ];

    /// <summary>
    /// What two failures must share to be shown once: the shape of the recorded gist, else of the whole
    /// message (an empty one is never the same as another).
    /// </summary>
    private static string SameAs(TestOutcome failure) =>
        failure.Gist is { } gist ? "gist\n" + Shape(gist)
        : string.IsNullOrWhiteSpace(failure.Message) ? "test\n" + failure.FullName
        : "message\n" + Shape(failure.Message);

    /// <summary>The text with every number replaced by one mark: "took 2.5 s" and "took 3 s" have one shape.</summary>
    internal static string Shape(string text) => Number.Replace(text, "#");
}
