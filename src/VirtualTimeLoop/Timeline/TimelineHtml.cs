using System.Globalization;
using System.Net;
using System.Text;

namespace VirtualTimeLoop;

/// <summary>
/// A timeline as a self-contained HTML page: one inline SVG, lanes as rows (a bar where the lane slept
/// on its own timer, a thin line where it waited, a dot where it ran, a tick where it printed), the
/// axis in virtual seconds, every mark with a tooltip; no script and nothing fetched.
/// </summary>
internal static class TimelineHtml
{
    private const int NameWidth = 200, ChartWidth = 800, Row = 28, Top = 40, Right = 20;

    public static string Page(RunTimeline timeline, string title)
    {
        var height = Top + timeline.Lanes.Count * Row + 30;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{NameWidth + ChartWidth + Right}\" height=\"{height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        Axis(svg, timeline.Elapsed, height);
        foreach (var lane in timeline.Lanes) Lane(svg, lane, timeline);
        svg.Append("</svg>\n");
        var legend = "<p class=\"legend\"><span style=\"color:#2a5590\">■ slept on its own timer</span> · <span style=\"color:#7f9fcf\">▬ each of its timers, one row per timer pending at once</span> · <span style=\"color:#999\">— waited on another task, timer or thread</span> · " +
                     "<span style=\"color:#222\">● ran</span> · <span style=\"color:#d2691e\">▲ printed a line</span></p>\n";
        var timers = new StringBuilder("<table class=\"timers\"><tr><th>timer</th><th>armed at</th><th>due at</th><th>lane</th><th>created at</th></tr>\n");
        foreach (var timer in timeline.Timers.Take(200))
        {
            var lane = timer.LaneId is { } id && id < timeline.Lanes.Count ? timeline.Lanes[id].Name : "";
            timers.Append(CultureInfo.InvariantCulture,
                $"<tr><td>#{timer.Id}</td><td>{S(timer.ArmedAt)}</td><td>{S(timer.DueAt)}</td><td>{E(lane)}</td><td>{E(timer.Site ?? "")}</td></tr>\n");
        }
        timers.Append("</table>\n");
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + E(title) + "</title>\n" +
               "<style>body{font-family:sans-serif;margin:16px} table{border-collapse:collapse;font-size:12px} td,th{padding:2px 8px;text-align:left}</style></head>\n" +
               $"<body><h1>{E(title)}</h1>\n<p>{timeline.Lanes.Count} lane(s), {timeline.Timers.Count} timer(s), {S(timeline.Elapsed)} of virtual time" +
               (timeline.Dropped > 0 ? $" ({timeline.Dropped} record(s) past the cap not drawn)" : "") + ".</p>\n" +
               svg + legend + timers + "</body></html>\n";
    }

    private static double X(TimeSpan t, TimeSpan elapsed) => NameWidth + (elapsed <= TimeSpan.Zero ? 0 : t.Ticks / (double)elapsed.Ticks * ChartWidth);

    private static void Axis(StringBuilder svg, TimeSpan elapsed, int height)
    {
        var step = Step(elapsed);
        for (var t = TimeSpan.Zero; t <= elapsed; t += step)
        {
            var x = X(t, elapsed);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"tick\" x1=\"{x:0.#}\" y1=\"{Top - 10}\" x2=\"{x:0.#}\" y2=\"{height - 20}\" stroke=\"#eee\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{Top - 16}\" text-anchor=\"middle\" fill=\"#666\">{S(t)}</text>\n");
            if (step <= TimeSpan.Zero) break;
        }
    }

    /// <summary>A round step giving at most about ten ticks.</summary>
    private static TimeSpan Step(TimeSpan elapsed)
    {
        if (elapsed <= TimeSpan.Zero) return TimeSpan.Zero;
        double[] steps = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 300, 600, 3600, 21600, 86400];
        var seconds = steps.FirstOrDefault(s => elapsed.TotalSeconds / s <= 10, 86400 * Math.Ceiling(elapsed.TotalDays / 10));
        return TimeSpan.FromSeconds(seconds);
    }

    private static void Lane(StringBuilder svg, TimelineLane lane, RunTimeline timeline)
    {
        var y = Top + lane.Id * Row + Row / 2;
        var e = timeline.Elapsed;
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"lane\" data-lane=\"{lane.Id}\" data-name=\"{E(lane.Name)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"4\" y=\"{y + 4}\" fill=\"#222\">{E(Fit(lane.Name))}</text>");
        foreach (var span in lane.Spans)
        {
            var (x1, x2) = (X(span.Start, e), X(span.End, e));
            switch (span.Kind)
            {
                case TimelineSpanKind.Slept:
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<rect class=\"slept\" x=\"{x1:0.#}\" y=\"{y - 6}\" width=\"{Math.Max(1, x2 - x1):0.#}\" height=\"12\" fill=\"#3b6fb6\"><title>slept {S(span.Start)} → {S(span.End)} on timer #{span.TimerId}</title></rect>");
                    break;
                case TimelineSpanKind.Waited:
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<line class=\"waited\" x1=\"{x1:0.#}\" y1=\"{y}\" x2=\"{x2:0.#}\" y2=\"{y}\" stroke=\"#999\" stroke-width=\"2\"><title>waited {S(span.Start)} → {S(span.End)} on {E(span.WaitedOn ?? "")}</title></line>");
                    break;
                default:
                    svg.Append(CultureInfo.InvariantCulture,
                        $"<circle class=\"ran\" cx=\"{x1:0.#}\" cy=\"{y}\" r=\"4\" fill=\"#222\"><title>ran at {S(span.Start)} on {E(span.Thread ?? "")}</title></circle>");
                    break;
            }
        }
        TimerRows(svg, lane, timeline, y);
        foreach (var print in lane.Prints.Take(500))
        {
            var x = X(print.At, e);
            svg.Append(CultureInfo.InvariantCulture,
                $"<path class=\"print\" d=\"M{x:0.#} {y - 8} l-4 -7 h8 z\" fill=\"#d2691e\"><title>{S(print.At)}: {E(print.Text)}</title></path>");
        }
        svg.Append("</g>\n");
    }

    /// <summary>The lane's own one-shot timers as thin bars under its row, a row for each one pending at the same time as another.</summary>
    private static void TimerRows(StringBuilder svg, TimelineLane lane, RunTimeline timeline, int y)
    {
        var rowsEnd = new List<TimeSpan>();
        foreach (var timer in timeline.Timers.Where(t => t.LaneId == lane.Id && t.Period == TimeSpan.Zero).OrderBy(t => t.ArmedAt).Take(500))
        {
            var row = rowsEnd.FindIndex(end => end <= timer.ArmedAt);
            if (row < 0) { row = rowsEnd.Count; rowsEnd.Add(timer.DueAt); }
            else rowsEnd[row] = timer.DueAt;
            if (row > 2) continue;
            var (x1, x2) = (X(timer.ArmedAt, timeline.Elapsed), X(timer.DueAt, timeline.Elapsed));
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect class=\"timer\" x=\"{x1:0.#}\" y=\"{y + 7 + row * 3}\" width=\"{Math.Max(1, x2 - x1):0.#}\" height=\"2\" fill=\"#7f9fcf\"><title>timer #{timer.Id}: armed at {S(timer.ArmedAt)}, due at {S(timer.DueAt)}{(timer.Site is null ? "" : ", created at " + E(timer.Site))}</title></rect>");
        }
    }

    private static string Fit(string name) => name.Length <= 28 ? name : name[..27] + "…";

    private static string S(TimeSpan t) => VirtualTimeFormat.Seconds(t);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
