namespace AsyncKatas.Catalog;

/// <summary>
/// The NUnit test properties tests/Support records on a kata test for the watch runner's timeline view:
/// the test's last run's timeline (VirtualTimeLoop's own JSON: RunTimeline.ToJson/FromJson) and the
/// lines the test expected, each with its virtual second. Recorded only when the runner asks (the
/// <see cref="Switch"/> AppContext switch is on), so `dotnet test` pays nothing for them.
/// </summary>
public static class TimelineProperties
{
    /// <summary>The AppContext switch the runner sets before it runs the tests.</summary>
    public const string Switch = "AsyncKatas.RecordTimelines";

    /// <summary>The last run's timeline, as RunTimeline JSON.</summary>
    public const string Timeline = "KataTimeline";

    /// <summary>The expected lines: a JSON array of <see cref="ExpectedLine"/>.</summary>
    public const string Expected = "KataExpectedLines";
}

/// <summary>One line a kata test expects, at its virtual second.</summary>
public sealed record ExpectedLine(string Text, double At);
