namespace VirtualTimeLoop;

/// <summary>A line of a source file, with forward slashes ("/src/Orders/Retry.cs", 12).</summary>
/// <param name="File">The file's path as the compiler recorded it, with forward slashes.</param>
/// <param name="Line">The line, from 1.</param>
public readonly record struct SourceLocation(string File, int Line)
{
    /// <summary>"file:line".</summary>
    public override string ToString() => $"{File}:{Line}";
}
