using System.Text;

namespace VirtualTimeLoop;

/// <summary>Draws a timeline as text: a name column, then one character per slice of virtual time.</summary>
internal static class TimelineText
{
    /// <summary>The glyphs: a run, a sleep on the lane's own timer, a wait on something else.</summary>
    internal const char Ran = '●', Slept = '─', SleptTwice = '═', Waited = '·';

    public static IReadOnlyList<string> Draw(RunTimeline timeline, int width, int maxLanes)
    {
        var names = timeline.Lanes.Take(maxLanes).Select(l => l.Name).ToList();
        var nameWidth = Math.Clamp(names.Count == 0 ? 4 : names.Max(n => n.Length), 4, Math.Max(4, width / 3));
        var columns = Math.Max(10, width - nameWidth - 1);
        var lines = new List<string>
        {
            Axis(timeline.Elapsed, columns, nameWidth),
        };
        foreach (var lane in timeline.Lanes.Take(maxLanes))
        {
            lines.Add(Fit(lane.Name, nameWidth) + " " + new string(Row(lane, timeline, columns)).TrimEnd());
        }
        if (timeline.Lanes.Count > maxLanes) lines.Add($"… and {timeline.Lanes.Count - maxLanes} more lane(s)");
        lines.Add($"{Ran} ran  {Slept} slept  {SleptTwice} on two or more timers at once  {Waited} waited on another task, timer or thread");
        return lines;
    }

    /// <summary>
    /// One character per column: what the lane did in that slice of time (a run wins over a sleep, a sleep
    /// over a wait); a sleep while two or more of the lane's own timers were pending at once is doubled.
    /// </summary>
    public static char[] Row(TimelineLane lane, RunTimeline timeline, int columns)
    {
        var elapsed = timeline.Elapsed;
        var row = Enumerable.Repeat(' ', columns).ToArray();
        foreach (var span in lane.Spans.Where(s => s.Kind == TimelineSpanKind.Waited)) Fill(row, span, elapsed, Waited);
        foreach (var span in lane.Spans.Where(s => s.Kind == TimelineSpanKind.Slept)) Fill(row, span, elapsed, Slept);
        var own = timeline.Timers.Where(t => t.LaneId == lane.Id && t.Period == TimeSpan.Zero).ToList();
        for (var c = 0; c < columns && own.Count > 1; c++)
        {
            if (row[c] != Slept) continue;
            var at = elapsed * (c / (double)(columns - 1));
            if (own.Count(t => t.ArmedAt <= at && at < t.DueAt) > 1) row[c] = SleptTwice;
        }
        foreach (var span in lane.Spans.Where(s => s.Kind == TimelineSpanKind.Ran)) row[Column(span.Start, elapsed, columns)] = Ran;
        return row;
    }

    /// <summary>The column of virtual time <paramref name="t"/> on a chart <paramref name="columns"/> wide spanning <paramref name="elapsed"/>.</summary>
    public static int Column(TimeSpan t, TimeSpan elapsed, int columns) =>
        elapsed <= TimeSpan.Zero ? 0 : Math.Clamp((int)Math.Round(t.Ticks / (double)elapsed.Ticks * (columns - 1)), 0, columns - 1);

    private static void Fill(char[] row, TimelineSpan span, TimeSpan elapsed, char glyph)
    {
        for (var c = Column(span.Start, elapsed, row.Length); c <= Column(span.End, elapsed, row.Length); c++) row[c] = glyph;
    }

    private static string Axis(TimeSpan elapsed, int columns, int nameWidth)
    {
        var end = VirtualTimeFormat.Seconds(elapsed);
        var axis = new StringBuilder(new string(' ', nameWidth + 1)).Append("0 s");
        var gap = columns - 3 - end.Length;
        axis.Append(gap > 0 ? new string(' ', gap) : " ").Append(end);
        return axis.ToString();
    }

    private static string Fit(string text, int width) => text.Length <= width ? text.PadRight(width) : text[..(width - 1)] + "…";
}
