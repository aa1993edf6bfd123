using AsyncKatas.Catalog;
using AsyncKatas.Catalog.Words;
using KataRunner.Engine.Session;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace KataRunner.Ui;

/// <summary>
/// One group of failures: the first test's message as NUnit recorded it, its first line in bold without
/// the kata's name (the top of the screen shows it), each line wrapped under its own indentation; then,
/// when other tests failed the same way, "The same in N more tests: …".
/// </summary>
internal static class FailureView
{
    private const int NamesShown = 3;

    public static IRenderable Render(FailureGroup group, Kata kata)
    {
        var lines = group.First.Message.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd().Split('\n');
        var rows = new List<IRenderable>();
        // A failure the kata support recorded (it has a gist) starts with the header "Kxx Name › Class.Test: …";
        // NUnit's own words need the test named.
        var header = KataVocabulary.FailureHeader(kata, "");
        if (group.First.Gist is not null && lines[0].Length >= header.Length)
        {
            rows.Add(Title(lines[0][header.Length..]));
        }
        else
        {
            rows.Add(Title(group.First.ShortName));
            rows.Add(Line(lines[0]));
        }
        rows.AddRange(lines.Skip(1).Select(Line));
        if (group.Same.Count > 0) rows.Add(new Wrapped(SameLine(group), new Style(Color.Grey)));
        return new Rows(rows);
    }

    /// <summary>"  The same in 3 more tests: A, B, C." (the first names, then how many more).</summary>
    public static string SameLine(FailureGroup group)
    {
        var names = group.Same.Select(t => t.ShortName).ToList();
        var shown = string.Join(", ", names.Take(NamesShown));
        if (names.Count > NamesShown) shown = KataVocabulary.Format(Vocabulary.AndMore, shown, names.Count - NamesShown);
        // Grouped by shape: say so when the others' numbers differ from the one shown.
        var numbers = group.Same.Any(t => (t.Gist ?? t.Message) != (group.First.Gist ?? group.First.Message));
        return names.Count == 1
            ? KataVocabulary.Format(numbers ? Vocabulary.RunnerSameButNumbersOne : Vocabulary.RunnerSameOne, shown)
            : KataVocabulary.Format(numbers ? Vocabulary.RunnerSameButNumbersMore : Vocabulary.RunnerSameMore, names.Count, shown);
    }

    /// <summary>"✗ Class.Test: verdict", in bold, wrapped beside the mark (a long test name never leaves it alone on a line).</summary>
    private static Grid Title(string text) =>
        new Grid().AddColumn(new GridColumn().NoWrap().PadRight(1)).AddColumn(new GridColumn().PadRight(0))
            .AddRow(new Markup("[red]✗[/]"), Wrapped.Markup($"[bold]{Markup.Escape(text)}[/]"));

    /// <summary>A message line that wraps under its own indentation, at words or path boundaries, so a diff or a list stays readable at 80 columns.</summary>
    private static Wrapped Line(string line) => new(line);
}
