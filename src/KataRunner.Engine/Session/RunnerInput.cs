namespace KataRunner.Engine.Session;

/// <summary>What reaches the runner's loop: a key press, a scroll key, a new terminal size, paths that changed on disk, or news from the engine.</summary>
public abstract record RunnerInput
{
    public sealed record Key(char Char) : RunnerInput;

    /// <summary>A key that moves the screen's middle (the UI's business: the session does not see it).</summary>
    public sealed record Scroll(ScrollKey Move) : RunnerInput;

    /// <summary>The terminal changed size: draw the screen again.</summary>
    public sealed record Resized : RunnerInput;

    public sealed record FilesChanged(IReadOnlyList<string> Paths) : RunnerInput;

    /// <summary>The engine found, between runs, that code of a run outlived it (<see cref="IReportsLeftRunning"/>): say so now.</summary>
    public sealed record LeftRunning : RunnerInput;
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
