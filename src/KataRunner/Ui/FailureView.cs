using KataRunner.Engine.Session;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace KataRunner.Ui;

/// <summary>
/// One group of failures: the first test's message as NUnit recorded it (its first line, the kata and
/// the test, in bold), then, when other tests failed the same way, "The same in N more tests: …".
/// </summary>
internal static class FailureView
{
    private const int NamesShown = 3;

    public static IRenderable Render(FailureGroup group)
    {
        var lines = group.First.Message.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd().Split('\n');
        var rows = new List<IRenderable>();
        // A kata's message starts with "Kxx Name › Class.Test: …"; NUnit's own words need the test named.
        if (!lines[0].StartsWith(group.First.Category + " ", StringComparison.Ordinal))
        {
            rows.Add(new Markup($"[red]✗[/] [bold]{Markup.Escape(group.First.ShortName)}[/]"));
            rows.Add(new Text(string.Join('\n', lines)));
        }
        else
        {
            rows.Add(new Markup($"[red]✗[/] [bold]{Markup.Escape(lines[0])}[/]"));
            if (lines.Length > 1) rows.Add(new Text(string.Join('\n', lines.Skip(1))));
        }
        if (group.Same.Count > 0) rows.Add(new Text(SameLine(group), new Style(Color.Grey)));
        return new Rows(rows);
    }

    /// <summary>"The same in 3 more tests: A, B, C." (the first names, then how many more).</summary>
    public static string SameLine(FailureGroup group)
    {
        var names = group.Same.Select(t => t.ShortName).ToList();
        var shown = string.Join(", ", names.Take(NamesShown)) + (names.Count > NamesShown ? $" and {names.Count - NamesShown} more" : "");
        return $"  The same in {names.Count} more test{(names.Count == 1 ? "" : "s")}: {shown}.";
    }
}
