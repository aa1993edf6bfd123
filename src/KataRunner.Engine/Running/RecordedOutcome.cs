using AsyncKatas.Catalog;

namespace KataRunner.Engine.Running;

/// <summary>
/// One test's result as NUnit and the kata support recorded it, in plain data (strings and enums) that can cross
/// from the test process to the runner's (<see cref="Worker.WorkerHost"/>): what <see cref="TestOutcome"/> is made of.
/// </summary>
/// <param name="Kata">The id of the kata the test's category names, or null.</param>
/// <param name="Timeline">The timeline JSON the support recorded (<see cref="TimelineProperties.Timeline"/>), or null.</param>
/// <param name="Expected">The expected lines' JSON (<see cref="TimelineProperties.Expected"/>), or null.</param>
public sealed record RecordedOutcome(string FullName, string? Kata, Outcome Outcome, string Message, string StackTrace,
    FailureKind Kind, string? Gist, string? Timeline, string? Expected)
{
    public TestOutcome ToOutcome() =>
        new(FullName, Kata is null ? null : KataCatalog.Find(Kata), Outcome, Message, StackTrace, Kind, Gist, KataTimeline.From(Timeline, Expected));
}
