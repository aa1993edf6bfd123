using Spectre.Console;

namespace KataRunner.Ui;

/// <summary>
/// The Spectre console. The full screen (watch mode on a terminal) uses ANSI for the alternate buffer
/// and the cursor, in colour unless NO_COLOR is set (then <see cref="FullScreen"/> drops every style).
/// Anything else (--once, output redirected, NO_COLOR) is plain text without a single escape code.
/// </summary>
public static class ConsoleFactory
{
    public static bool NoColor => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>Whether the watch mode can draw its full screen here.</summary>
    public static bool CanDrawFullScreen => !Console.IsOutputRedirected && !Console.IsInputRedirected;

    public static IAnsiConsole Create(bool fullScreen = false)
    {
        var console = AnsiConsole.Create(Settings(fullScreen, Console.IsOutputRedirected, Console.IsInputRedirected, NoColor));
        // Redirected: never wrap (failure messages are diffs and paths, to be read or grepped whole).
        if (Console.IsOutputRedirected) console.Profile.Width = 4096;
        return console;
    }

    internal static AnsiConsoleSettings Settings(bool fullScreen, bool outputRedirected, bool inputRedirected, bool noColor)
    {
        var plain = !fullScreen && (outputRedirected || noColor);
        return new AnsiConsoleSettings
        {
            Ansi = plain || outputRedirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = plain || noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = outputRedirected || inputRedirected ? InteractionSupport.No : InteractionSupport.Detect,
        };
    }
}
