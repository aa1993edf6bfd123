using Spectre.Console;

namespace KataRunner.Ui;

/// <summary>The Spectre console: plain text when output is redirected or NO_COLOR is set.</summary>
public static class ConsoleFactory
{
    public static IAnsiConsole Create()
    {
        var plain = Console.IsOutputRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = Console.IsOutputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = Console.IsOutputRedirected || Console.IsInputRedirected ? InteractionSupport.No : InteractionSupport.Detect,
        });
        // Redirected: never wrap (failure messages are diffs and paths, to be read or grepped whole).
        if (Console.IsOutputRedirected) console.Profile.Width = 4096;
        return console;
    }
}
