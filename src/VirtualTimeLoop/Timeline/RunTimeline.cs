using System.Text.Json;

namespace VirtualTimeLoop;

/// <summary>
/// What a run did over virtual time, as data: one lane per task or async method instance (named after
/// its method), with when it ran and on which thread, when it slept (until when, on which timer) or
/// waited (on what), and what it printed; and every timer with the lane that armed it and where in the
/// code it was created. Recorded when <see cref="LoopOptions.RecordTimeline"/> is true; read it as
/// <see cref="LoopRun.Timeline"/>, draw it with <see cref="ToText"/>, <see cref="ToHtml"/> or
/// <see cref="ToChromeTrace"/>.
/// </summary>
public sealed class RunTimeline
{
    /// <summary>An empty timeline (a run that recorded none).</summary>
    public static RunTimeline Empty { get; } = new();

    /// <summary>The lanes: the main task first, then in the order they started.</summary>
    public IReadOnlyList<TimelineLane> Lanes { get; init; } = [];

    /// <summary>The timers armed on the run's clock, in the order they were first armed.</summary>
    public IReadOnlyList<TimelineTimer> Timers { get; init; } = [];

    /// <summary>Virtual time from the start to the end of the run.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Records not kept past the cap (steps, timers and lines beyond the first 50,000 in all); 0 when the timeline is whole.</summary>
    public int Dropped { get; init; }

    /// <summary>The timeline as lines of text <paramref name="width"/> characters wide: one row per lane (● ran, ─ slept, · waited), at most <paramref name="maxLanes"/> rows.</summary>
    public IReadOnlyList<string> ToText(int width = 80, int maxLanes = 12) => TimelineText.Draw(this, width, maxLanes);

    /// <summary>A self-contained HTML page (inline SVG, no script, nothing fetched from the network) that draws the lanes; <paramref name="title"/> heads it.</summary>
    public string ToHtml(string title = "timeline") => TimelineHtml.Page(this, title);

    /// <summary>The timeline as Chrome trace-event JSON (open it in https://ui.perfetto.dev or chrome://tracing): one track per lane, virtual microseconds.</summary>
    public string ToChromeTrace(string title = "timeline") => TimelineTrace.Json(this, title);

    /// <summary>The timeline as JSON data (<see cref="FromJson"/> reads it back): for a process that draws a timeline another one recorded.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, TimelineJson.Default.RunTimeline);

    /// <summary>Reads a timeline written by <see cref="ToJson"/>.</summary>
    /// <exception cref="JsonException">The text is not such a timeline.</exception>
    public static RunTimeline FromJson(string json) => JsonSerializer.Deserialize(json, TimelineJson.Default.RunTimeline) ?? Empty;
}
