namespace KataRunner.Engine.Session;

/// <summary>What reaches the runner's loop: a key press, a scroll key, a new terminal size, or paths that changed on disk.</summary>
public abstract record RunnerInput
{
    public sealed record Key(char Char) : RunnerInput;

    /// <summary>A key that moves the screen's middle (the UI's business: the session does not see it).</summary>
    public sealed record Scroll(ScrollKey Move) : RunnerInput;

    /// <summary>The terminal changed size: draw the screen again.</summary>
    public sealed record Resized : RunnerInput;

    public sealed record FilesChanged(IReadOnlyList<string> Paths) : RunnerInput;
}

/// <summary>The keys that scroll the middle of the screen.</summary>
public enum ScrollKey
{
    LineUp,
    LineDown,
    PageUp,
    PageDown,
    Top,
    Bottom,
}
