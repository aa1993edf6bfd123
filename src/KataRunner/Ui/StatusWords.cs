using AsyncKatas.Catalog.Words;
using KataRunner.Engine.Session;

namespace KataRunner.Ui;

/// <summary>
/// A kata's state as the runner draws it: the words, cells and marks of <see cref="KataVocabulary"/> (the same as the
/// summary `dotnet test` prints, src/AsyncKatas.TestLogger), coloured.
/// </summary>
internal static class StatusWords
{
    public static string Plain(KataState state) => KataVocabulary.Status(state.Standing, state.Count);

    /// <summary>The words as markup, coloured; a stale status says it is about to be checked again.</summary>
    public static string Markup(KataState state)
    {
        var words = Spectre.Console.Markup.Escape(Plain(state));
        return $"[{Colour(state)}]{words}[/]" + (state.Stale ? $" [grey]{Spectre.Console.Markup.Escape(Vocabulary.StatusToCheckAgain)}[/]" : "");
    }

    public static string Colour(KataState state) => state.Standing switch
    {
        KataStanding.Solved => "green",
        KataStanding.InProgress => "yellow",
        KataStanding.NotRun => "grey",
        _ => "red",
    };

    /// <summary>One cell per kata, as `dotnet test` draws it (<see cref="KataVocabulary.Cell"/>).</summary>
    public static char Cell(KataState state) => KataVocabulary.Cell(state.Standing);

    /// <summary>The list's mark (<see cref="KataVocabulary.Mark"/>), coloured.</summary>
    public static string Mark(KataState state)
    {
        var mark = KataVocabulary.Mark(state.Standing);
        return state.Standing switch
        {
            KataStanding.Solved => $"[green]{mark}[/]",
            KataStanding.InProgress => $"[yellow]{mark}[/]",
            KataStanding.DoesNotCompile or KataStanding.CannotRun => $"[red]{mark}[/]",
            _ => mark.ToString(),
        };
    }
}
