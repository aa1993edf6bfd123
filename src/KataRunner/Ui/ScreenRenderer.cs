using KataRunner.Engine.Running;
using KataRunner.Engine.Session;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace KataRunner.Ui;

/// <summary>
/// Draws a <see cref="Screen"/> with Spectre.Console: progress bar, kata and status, compile errors as
/// the build prints them, failing tests with NUnit's messages verbatim, hints shown so far, the kata
/// list on demand, and the keys. No colour when the console has none (redirected, NO_COLOR).
/// </summary>
public static class ScreenRenderer
{
    public static IEnumerable<IRenderable> Render(Screen screen, bool interactive)
    {
        var title = $"[bold]async-katas[/] · {Markup.Escape($"{screen.Kata.Id} {screen.Kata.Folder[4..]}")}";
        yield return interactive ? new Rule(title).LeftJustified() : new Markup($"── {title} ──");
        yield return Progress(screen.Solved, screen.Total);
        yield return new Markup($"[bold]{Markup.Escape(screen.Kata.Id)}[/] {Markup.Escape(screen.Kata.Topic)}: {Status(screen)}");
        yield return new Text($"Read: {screen.Kata.ReadmePath}   Edit: katas/{screen.Kata.Folder}/*.cs");

        if (screen.Problem is not null)
        {
            yield return Text.Empty;
            yield return new Text(screen.Problem);
        }
        if (screen.Errors.Count > 0)
        {
            yield return Text.Empty;
            yield return new Markup($"[red]It does not compile[/] (as `dotnet build katas/Katas.csproj` would say):");
            foreach (var error in screen.Errors) yield return new Text(error.ToString());
            if (screen.OtherErrors is not null) yield return new Text(screen.OtherErrors);
        }
        foreach (var failure in screen.Failures)
        {
            yield return Text.Empty;
            yield return new Markup($"[red]✗[/] [bold]{Markup.Escape(failure.ShortName)}[/]");
            yield return new Text(failure.Message.TrimEnd());
        }
        if (screen.HintsShown.Count > 0)
        {
            yield return Text.Empty;
            foreach (var hint in screen.HintsShown)
            {
                yield return new Markup($"[yellow]{Markup.Escape(hint.Title)}[/]");
                yield return new Text(hint.Text);
            }
        }
        if (screen.List is { } list)
        {
            yield return Text.Empty;
            var table = new Table().Border(TableBorder.Simple).AddColumn("Kata").AddColumn("Topic").AddColumn("Status");
            foreach (var (kata, status) in list)
            {
                var current = kata.Id == screen.Kata.Id ? "› " : "  ";
                table.AddRow(new Text(current + kata.Id), new Text(kata.Topic), new Markup(StatusWord(status)));
            }
            yield return table;
        }
        if (screen.Notice is not null)
        {
            yield return Text.Empty;
            yield return new Markup($"[bold green]{Markup.Escape(screen.Notice)}[/]");
        }
        yield return Text.Empty;
        var timing = screen.RunTime is { } t ? $"  ({t.TotalMilliseconds:0} ms)" : "";
        var hintsLeft = screen.HintsTotal > screen.HintsShown.Count ? $" · hints: {screen.HintsShown.Count}/{screen.HintsTotal}" : "";
        yield return new Markup(interactive
            ? $"[grey]{Markup.Escape(Screen.Keys + hintsLeft + timing)}[/]"
            : $"[grey]{Markup.Escape("dotnet run --project src/KataRunner: watch and re-run on every save" + timing)}[/]");
    }

    private static IRenderable Progress(int solved, int total)
    {
        const int width = 30;
        var filled = total == 0 ? 0 : solved * width / total;
        return new Markup($"Progress [green]{new string('█', filled)}[/][grey]{new string('░', width - filled)}[/] {solved}/{total} katas solved");
    }

    private static string Status(Screen screen) => screen.Status switch
    {
        KataStatus.Solved => $"[green]solved[/] ({screen.TestsPassed}/{screen.TestsRun} tests pass)",
        KataStatus.Failing => $"[red]failing[/] ({screen.TestsPassed}/{screen.TestsRun} tests pass)",
        KataStatus.CompileError => "[red]does not compile[/]",
        KataStatus.Broken => "[red]cannot run[/]",
        _ => "[grey]not run yet[/]",
    };

    private static string StatusWord(KataStatus status) => status switch
    {
        KataStatus.Solved => "[green]solved[/]",
        KataStatus.Failing => "[red]failing[/]",
        KataStatus.CompileError => "[red]does not compile[/]",
        KataStatus.Broken => "[red]cannot run[/]",
        _ => "[grey]not run[/]",
    };
}
