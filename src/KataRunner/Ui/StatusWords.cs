using KataRunner.Engine.Running;
using KataRunner.Engine.Session;

namespace KataRunner.Ui;

/// <summary>
/// A kata's state in words, the same words as the summary `dotnet test` prints (tests/SummaryLogger):
/// "solved (2 tests)", "in progress: 1 of 4 tests pass"; and what only the runner knows: "not started:
/// 0 of 4 tests pass" (the stub as shipped), "failing: 0 of 4 tests pass" (code written, no test passes
/// yet), "not run yet" (this session has not run it), "does not compile", "cannot run".
/// </summary>
internal static class StatusWords
{
    public static string Plain(KataState state) => state.Status switch
    {
        KataStatus.Solved => $"solved ({state.Passed} test{(state.Passed == 1 ? "" : "s")})",
        KataStatus.Failing when state.NotStarted => $"not started: 0 of {state.Total} tests pass",
        KataStatus.Failing when state.Passed == 0 => $"failing: 0 of {state.Total} tests pass",
        KataStatus.Failing => $"in progress: {state.Passed} of {state.Total} tests pass",
        KataStatus.CompileError => "does not compile",
        KataStatus.Broken => "cannot run",
        _ => "not run yet",
    };

    /// <summary>The words as markup, coloured; a stale status says it is about to be checked again.</summary>
    public static string Markup(KataState state)
    {
        var words = Spectre.Console.Markup.Escape(Plain(state));
        return $"[{Colour(state)}]{words}[/]" + (state.Stale ? " [grey](to check again)[/]" : "");
    }

    public static string Colour(KataState state) => state.Status switch
    {
        KataStatus.Solved => "green",
        KataStatus.Failing when state.Passed > 0 => "yellow",
        KataStatus.NotRun => "grey",
        _ => "red",
    };

    /// <summary>One cell per kata, as `dotnet test` draws it: █ solved, ▒ in progress, ░ not started or failing, · not run yet.</summary>
    public static char Cell(KataState state) => state.Status switch
    {
        KataStatus.Solved => '█',
        KataStatus.Failing when state.Passed > 0 => '▒',
        KataStatus.NotRun => '·',
        _ => '░',
    };

    /// <summary>The list's mark, as `dotnet test`'s: ✔ solved, ▒ in progress, · anything else.</summary>
    public static string Mark(KataState state) => state.Status switch
    {
        KataStatus.Solved => "[green]✔[/]",
        KataStatus.Failing when state.Passed > 0 => "[yellow]▒[/]",
        KataStatus.CompileError or KataStatus.Broken => "[red]✗[/]",
        _ => "·",
    };
}
