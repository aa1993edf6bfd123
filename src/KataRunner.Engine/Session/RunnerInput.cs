namespace KataRunner.Engine.Session;

/// <summary>What reaches the runner's loop: a key press, or paths that changed on disk.</summary>
public abstract record RunnerInput
{
    public sealed record Key(char Char) : RunnerInput;

    public sealed record FilesChanged(IReadOnlyList<string> Paths) : RunnerInput;
}
