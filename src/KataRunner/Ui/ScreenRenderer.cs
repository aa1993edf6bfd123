using System.Globalization;
using AsyncKatas.Catalog.Words;
using KataRunner.Engine.Build;
using KataRunner.Engine.Session;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace KataRunner.Ui;

/// <summary>One piece of the screen's middle; <paramref name="Anchor"/> names a place the view may scroll to.</summary>
internal sealed record Part(IRenderable Content, string? Anchor = null);

/// <summary>
/// Draws a <see cref="Screen"/> in three parts: the top (the kata, its status, the progress), the middle
/// (the kata list when asked, else what is wrong, most telling first, and the hints shown so far) and the
/// bottom (the notice, the keys). The full screen pins the top and the bottom and scrolls the middle
/// (<see cref="FullScreen"/>); <c>--once</c> prints the three one after the other.
/// </summary>
internal static class ScreenRenderer
{
    public const string LatestHint = "latest hint";

    /// <summary>The top: the kata and its topic, its status, the progress, where to edit. Each fits 80 columns.</summary>
    public static IEnumerable<IRenderable> Top(Screen screen, bool interactive)
    {
        var title = $"[bold]{Markup.Escape($"{screen.Kata.DisplayName}")}[/] · {Markup.Escape(screen.Kata.TopicIn(UiLanguage.Current))}";
        yield return interactive ? new Rule(title).LeftJustified() : new Markup($"── {title} ──");
        yield return new Markup($"[bold]{Markup.Escape(screen.Kata.Id)}[/]: {StatusWords.Markup(screen.State)}");
        yield return Progress(screen);
        yield return new Text(KataVocabulary.Format(Vocabulary.RunnerEdit, screen.Kata.Folder), new Style(Color.Grey));
    }

    public static IEnumerable<Part> Middle(Screen screen)
    {
        if (screen.ShowList)
        {
            yield return new Part(new Rows(
                new Markup($"[bold]{Markup.Escape(Vocabulary.RunnerListTitle)}[/] [grey]{Markup.Escape(KataVocabulary.Format(Vocabulary.RunnerListKeys, screen.Kata.Id))}[/]"), KataList(screen)));
            yield break;
        }
        if (screen.TimelineShown >= 0 && screen.TimelineShown < screen.Timelines.Count)
        {
            var (test, timeline) = screen.Timelines[screen.TimelineShown];
            yield return new Part(new TimelineView(test, timeline, screen.TimelineShown, screen.Timelines.Count));
            yield break;
        }
        if (screen.Problem is not null) yield return new Part(new Wrapped(screen.Problem));
        if (screen.OtherKatas.Count > 0)
        {
            yield return new Part(new Rows(screen.OtherKatas.Select(o => new Wrapped(OtherKataLine(o), new Style(Color.Yellow)))));
        }
        if (screen.Errors.Count > 0)
        {
            var errors = new List<IRenderable> { new Markup($"[red]{Markup.Escape(Vocabulary.RunnerItDoesNotCompile)}[/] {Markup.Escape(Vocabulary.RunnerAsDotnetBuildSays)}") };
            errors.AddRange(screen.Errors.Select(e => new Wrapped(e.ToString())));
            if (screen.OtherErrors is not null) errors.Add(new Wrapped(screen.OtherErrors));
            if (screen.Advice.Count > 0)
            {
                errors.Add(new Markup($"[yellow]{Markup.Escape(Vocabulary.RunnerInThisKata)}[/] {Markup.Escape(KataVocabulary.Format(Vocabulary.RunnerInThisKataHints, screen.Kata.HintsPath))}"));
                errors.AddRange(screen.Advice.Select(a => new Wrapped("  " + a)));
            }
            yield return new Part(new Rows(errors));
        }
        foreach (var group in screen.Failures) yield return new Part(FailureView.Render(group, screen.Kata));
        for (var i = 0; i < screen.HintsShown.Count; i++)
        {
            var hint = screen.HintsShown[i];
            yield return new Part(new Rows(
                new Markup($"[bold yellow]{Markup.Escape(hint.Title)}[/]"),
                MarkdownText.Render(hint.Text)), i == screen.HintsShown.Count - 1 ? LatestHint : null);
        }
    }

    /// <summary>The bottom: (full screen) a rule with where the middle is scrolled to, the notice, then the keys; (once) how to watch.</summary>
    public static IEnumerable<IRenderable> Bottom(Screen screen, bool interactive, string? scrollNote = null)
    {
        var timing = screen.RunTime is { } t ? string.Create(CultureInfo.InvariantCulture, $" ({t.TotalMilliseconds:0} ms)") : "";
        if (interactive)
        {
            yield return (scrollNote is null ? new Rule() : new Rule($"[grey]{Markup.Escape(scrollNote)}[/]").RightJustified()).RuleStyle(new Style(Color.Grey));
        }
        if (screen.Notice is not null) yield return new Markup($"[bold green]{Markup.Escape(screen.Notice)}[/]");
        if (!interactive)
        {
            yield return new Text(KataVocabulary.Format(Vocabulary.RunnerWatchCommand, timing), new Style(Color.Grey));
            yield break;
        }
        var hints = screen.HintsTotal > 0 ? $" ({screen.HintsShown.Count}/{screen.HintsTotal})" : "";
        yield return new Text(KataVocabulary.Format(Vocabulary.RunnerKeys, hints, timing), new Style(Color.Grey));
    }

    /// <summary>The screen as one column of text, for --once and redirected output.</summary>
    public static IEnumerable<IRenderable> Plain(Screen screen)
    {
        foreach (var row in Top(screen, interactive: false)) yield return row;
        foreach (var part in Middle(screen))
        {
            yield return Text.Empty;
            yield return part.Content;
        }
        yield return Text.Empty;
        foreach (var row in Bottom(screen, interactive: false)) yield return row;
    }

    public static string OtherKataLine(OtherKataProblem problem) =>
        KataVocabulary.Format(Vocabulary.RunnerOtherKataDoesNotCompile,
            problem.KataId,
            problem.ErrorCount > 1 ? KataVocabulary.Format(Vocabulary.RunnerAndMoreErrors, problem.FirstDiagnostic, problem.ErrorCount - 1) : problem.FirstDiagnostic.ToString());

    private static Markup Progress(Screen screen)
    {
        var cells = string.Concat(screen.Katas.Select(k => $"[{StatusWords.Colour(k.State)}]{StatusWords.Cell(k.State)}[/]"));
        var pending = screen.Unchecked > 0 ? $"  [grey]{Markup.Escape(KataVocabulary.Format(Vocabulary.RunnerChecking, screen.Unchecked))}[/]" : "";
        return new Markup($"{Markup.Escape(KataVocabulary.Format(Vocabulary.RunnerKatasSolved, screen.Solved, screen.Total))}  [[{cells}]]{pending}");
    }

    private static Grid KataList(Screen screen)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(0)).AddColumn(new GridColumn().NoWrap().PadRight(1))
            .AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        foreach (var (kata, state) in screen.Katas)
        {
            var current = kata.Id == screen.Kata.Id;
            var selected = kata.Id == (screen.Selected ?? screen.Kata).Id;
            var name = Markup.Escape(kata.DisplayName);
            grid.AddRow(new Text(selected ? "›" : " "), new Markup(StatusWords.Mark(state)), new Markup(current ? $"[bold]{name}[/] [grey]{Markup.Escape(Vocabulary.RunnerHere)}[/]" : name),
                new Markup(StatusWords.Markup(state)));
        }
        return grid;
    }
}
