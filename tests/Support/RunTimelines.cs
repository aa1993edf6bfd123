using System.Text.Json;
using NUnit.Framework.Internal;

namespace AsyncKatas.Tests.Support;

/// <summary>
/// Hands a kata test's timeline to the watch runner (as test properties, <see cref="TimelineProperties"/>)
/// when it asks, and draws the compact timeline a "wrong moment" failure carries.
/// </summary>
public static class RunTimelines
{
    /// <summary>Every kata run records its timeline (small programs: a stack walk per timer and line).</summary>
    public static LoopOptions Recording(LoopOptions? options) => (options ?? LoopOptions.Default) with { RecordTimeline = true };

    private static bool RunnerAsks => AppContext.TryGetSwitch(TimelineProperties.Switch, out var on) && on;

    /// <summary>Records the run's timeline on the test now running, for the runner.</summary>
    public static void Remember(LoopRun run)
    {
        if (!RunnerAsks || TestExecutionContext.CurrentContext.CurrentTest is not { } test) return;
        test.Properties.Set(TimelineProperties.Timeline, run.Timeline.ToJson());
    }

    /// <summary>Records the lines the test expects, for the runner.</summary>
    public static void Expect(IEnumerable<ExpectedLine> lines)
    {
        if (!RunnerAsks || TestExecutionContext.CurrentContext.CurrentTest is not { } test) return;
        // Written by hand: JsonSerializer's default caches live in the framework and would keep this run's
        // types (and so the watch runner's collectible load context) alive after the run.
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var line in lines)
            {
                json.WriteStartObject();
                json.WriteString(nameof(ExpectedLine.Text), line.Text);
                json.WriteNumber(nameof(ExpectedLine.At), line.At);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        test.Properties.Set(TimelineProperties.Expected, System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>The run's lanes in a few lines, for a failure whose lines came at the wrong moments.</summary>
    public static string Compact(LoopRun run) =>
        KataText.Text("Timeline.Legend") + "\n" +
        string.Join('\n', run.Timeline.ToText(width: 76, maxLanes: 8).SkipLast(1).Select(l => "    " + l));
}
