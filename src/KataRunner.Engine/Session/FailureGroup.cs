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
/// the same as another only when the two messages are identical.
/// </summary>
public static class FailureGroups
{
    public static IReadOnlyList<FailureGroup> Of(IEnumerable<TestOutcome> failures) =>
    [
        .. failures
            .GroupBy(f => (f.Kind, SameAs(f)))
            .Select(g => new FailureGroup(g.First(), [.. g.Skip(1)], g.Key.Kind))
            .OrderBy(g => g.Kind), // a stable sort: test order within a kind
    ];

    /// <summary>What two failures must share to be shown once: the recorded gist, else the whole message (an empty one is never the same as another).</summary>
    private static string SameAs(TestOutcome failure) =>
        failure.Gist is { } gist ? "gist\n" + gist
        : string.IsNullOrWhiteSpace(failure.Message) ? "test\n" + failure.FullName
        : "message\n" + failure.Message;
}
