using System.Text.Json;
using AsyncKatas.Catalog;
using VirtualTimeLoop;

namespace KataRunner.Engine.Running;

/// <summary>
/// A kata test's last run as the kata support recorded it (<see cref="TimelineProperties"/>): its
/// timeline, read back as data with the library's own reader, and the lines the test expected.
/// </summary>
public sealed record KataTimeline(RunTimeline Run, IReadOnlyList<ExpectedLine> Expected)
{
    /// <summary>The timeline a test recorded, or null when it recorded none (or what it recorded does not read).</summary>
    /// <param name="json">The timeline JSON (<see cref="TimelineProperties.Timeline"/>).</param>
    /// <param name="lines">The expected lines' JSON (<see cref="TimelineProperties.Expected"/>).</param>
    public static KataTimeline? From(string? json, string? lines)
    {
        if (json is null) return null;
        try
        {
            var expected = lines is null ? [] : JsonSerializer.Deserialize<List<ExpectedLine>>(lines) ?? [];
            return new KataTimeline(RunTimeline.FromJson(json), expected);
        }
        catch (JsonException)
        {
            return null; // a timeline from another version of the support: the view says there is none
        }
    }
}
