namespace AsyncKatas.Tests.Support;

/// <summary>
/// Caps on every listing a message shows: the first and the last lines, with a count of what was left
/// out between them, so an endless program's 86,400 lines still make a message of a few lines.
/// </summary>
public static class Listing
{
    /// <summary>Lines shown from the start of a long listing.</summary>
    public const int Head = 8;

    /// <summary>Lines shown from the end of a long listing.</summary>
    public const int Tail = 4;

    /// <summary>The items, or the first <paramref name="head"/> and last <paramref name="tail"/> with "… N more …" between.</summary>
    public static IReadOnlyList<string> Capped(IEnumerable<string> items, int head = Head, int tail = Tail, string? what = null, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(items);
        var all = items as IReadOnlyList<string> ?? items.ToList();
        if (all.Count <= head + tail + 1) return all;
        var shown = new List<string>(head + tail + 1);
        shown.AddRange(all.Take(head));
        shown.Add(indent + KataText.Format("Listing.LeftOut", (all.Count - head - tail).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), what ?? KataText.Text("Listing.Lines")));
        shown.AddRange(all.Skip(all.Count - tail));
        return shown;
    }

    /// <summary>"[a, b, c]", at most <paramref name="max"/> items, with a count of the rest.</summary>
    public static string Inline<T>(IEnumerable<T> items, int max = 10)
    {
        ArgumentNullException.ThrowIfNull(items);
        var all = items.ToList();
        var shown = all.Take(max).Select(i => Value(i));
        var rest = all.Count > max ? KataText.Format("Listing.More", (all.Count - max).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)) : "";
        return $"[{string.Join(", ", shown)}{rest}]";
    }

    /// <summary>A value as a message shows it: strings quoted, times in seconds, null as "nothing".</summary>
    public static string Value(object? value) => value switch
    {
        null => KataText.Text("Listing.Null"),
        string s => $"\"{Shorten(s)}\"",
        TimeSpan t => TextDiff.Seconds(t),
        double d => d.ToString("0.0##", System.Globalization.CultureInfo.InvariantCulture),
        System.Runtime.CompilerServices.ITuple tuple => "(" + string.Join(", ", Enumerable.Range(0, tuple.Length).Select(i => Value(tuple[i]))) + ")",
        System.Collections.IEnumerable list => Inline(list.Cast<object?>()),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
    };

    /// <summary>A one-line string of at most <paramref name="max"/> characters (newlines shown as \n).</summary>
    public static string Shorten(string text, int max = 120)
    {
        ArgumentNullException.ThrowIfNull(text);
        var oneLine = text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return oneLine.Length <= max ? oneLine : oneLine[..(max - 1)] + "…";
    }
}
