using AsyncKatas.Catalog.Words;
using KataRunner.Engine.Running;
using KataRunner.Engine.Session;
using KataRunner.Ui;
using Spectre.Console;

namespace KataRunner.Modes;

/// <summary>`--once`: run the current kata once, print its screen, exit 0 when it is solved, else 1.</summary>
public static class OnceMode
{
    public static int Run(RunnerCommand command)
    {
        var console = ConsoleFactory.Create();
        if (Startup.Open(console, command) is not var (_, session)) return 2;
        while (session.RunNextUnknown())
        {
        }
        var screen = ForOnce(session);
        console.Write(new Rows(ScreenRenderer.Plain(screen)));
        return screen.Status == KataStatus.Solved ? 0 : 1;
    }

    /// <summary>
    /// The screen of a run that ends: no key can be pressed any more, so a solved kata's notice names the
    /// command that opens the next one instead of a key ("Press n for K06").
    /// </summary>
    internal static Screen ForOnce(RunnerSession session)
    {
        var screen = session.Screen;
        if (screen.Status != KataStatus.Solved) return screen;
        var index = session.Katas.ToList().FindIndex(k => k.Id == session.Current.Id);
        if (index + 1 < session.Katas.Count)
        {
            var next = session.Katas[index + 1];
            return screen with { Notice = KataVocabulary.Format(Vocabulary.OnceSolvedNext, session.Current.Id, next.DisplayName, next.Id) };
        }
        return screen with
        {
            Notice = session.Katas.All(k => session.StatusOf(k.Id) == KataStatus.Solved)
                ? KataVocabulary.Format(Vocabulary.OnceSolvedEvery, session.Current.Id)
                : KataVocabulary.Format(Vocabulary.OnceSolvedLast, session.Current.Id),
        };
    }
}
