using System.Text;
using System.Text.Json;

namespace VirtualTimeLoop;

/// <summary>
/// A timeline as Chrome trace-event JSON (the "JSON Object Format": Perfetto and chrome://tracing open
/// it): one thread track per lane, sleeps and waits as complete events, runs and printed lines as
/// instant events, in microseconds of virtual time.
/// </summary>
internal static class TimelineTrace
{
    public static string Json(RunTimeline timeline, string title)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("displayTimeUnit", "ms");
            json.WriteStartArray("traceEvents");
            Metadata(json, "process_name", 0, title);
            foreach (var lane in timeline.Lanes)
            {
                Metadata(json, "thread_name", lane.Id, lane.Name);
                foreach (var span in lane.Spans) Span(json, lane, span, timeline);
                foreach (var print in lane.Prints) Instant(json, lane.Id, print.Text, print.At, "print", ("thread", print.Thread));
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Metadata(Utf8JsonWriter json, string name, int lane, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("ph", "M");
        json.WriteNumber("pid", 1);
        json.WriteNumber("tid", lane);
        json.WriteStartObject("args");
        json.WriteString("name", value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Span(Utf8JsonWriter json, TimelineLane lane, TimelineSpan span, RunTimeline timeline)
    {
        if (span.Kind == TimelineSpanKind.Ran)
        {
            Instant(json, lane.Id, "ran", span.Start, "run", ("thread", span.Thread ?? ""));
            return;
        }
        var timer = span.TimerId is { } id ? timeline.Timers.FirstOrDefault(t => t.Id == id) : null;
        json.WriteStartObject();
        json.WriteString("name", span.Kind == TimelineSpanKind.Slept ? $"sleep (timer #{span.TimerId})" : $"wait on {span.WaitedOn}");
        json.WriteString("cat", span.Kind == TimelineSpanKind.Slept ? "sleep" : "wait");
        json.WriteString("ph", "X");
        json.WriteNumber("ts", Micro(span.Start));
        json.WriteNumber("dur", Micro(span.End - span.Start));
        json.WriteNumber("pid", 1);
        json.WriteNumber("tid", lane.Id);
        json.WriteStartObject("args");
        if (timer?.Site is { } site) json.WriteString("timer created at", site);
        if (span.WaitedOn is { } on) json.WriteString("waited on", on);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Instant(Utf8JsonWriter json, int lane, string name, TimeSpan at, string category, (string Key, string Value) argument)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("cat", category);
        json.WriteString("ph", "i");
        json.WriteString("s", "t");
        json.WriteNumber("ts", Micro(at));
        json.WriteNumber("pid", 1);
        json.WriteNumber("tid", lane);
        json.WriteStartObject("args");
        json.WriteString(argument.Key, argument.Value);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static double Micro(TimeSpan t) => t.Ticks / 10.0;
}
