using KataRunner.Engine.Running;
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
        var screen = session.Screen;
        console.Write(new Rows(ScreenRenderer.Plain(screen)));
        return screen.Status == KataStatus.Solved ? 0 : 1;
    }
}
