using Microsoft.CodeAnalysis;

namespace KataRunner.Engine.Build;

/// <summary>One error as the build prints it: <c>katas/K01_EventLoop/TwoWorkers.cs(12,9): error CS1002: ; expected</c>.</summary>
public sealed record CompileError(string Path, int Line, int Column, string Code, string Message)
{
    public override string ToString() =>
        Path.Length == 0 ? $"error {Code}: {Message}" : $"{Path}({Line},{Column}): error {Code}: {Message}";

    public static CompileError From(Diagnostic diagnostic, RepositoryPaths paths)
    {
        var span = diagnostic.Location.GetMappedLineSpan();
        var path = span.IsValid && !string.IsNullOrEmpty(span.Path) && System.IO.Path.IsPathRooted(span.Path) ? paths.Relative(span.Path) : span.Path ?? "";
        return new CompileError(path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1,
            diagnostic.Id, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// What compiling a kata tree gave: the assembly image and its portable PDB when it built, else the
/// errors (compiler and analyzers, after .editorconfig severities and warnings-as-errors), of the katas
/// of its <see cref="CompileScope"/>.
/// </summary>
public sealed record CompileResult(byte[]? Image, byte[]? Pdb, IReadOnlyList<CompileError> Errors, TimeSpan Elapsed, int FilesParsed)
{
    public bool Succeeded => Image is not null;

    /// <summary>What the kata says about the rules among <see cref="Errors"/>, one line per rule (<see cref="AnalyzerAdvice"/>).</summary>
    public IReadOnlyList<string> Advice { get; init; } = [];

    /// <summary>Whether this image came from the runner's cache of an earlier start (nothing compiled).</summary>
    public bool FromCache { get; init; }
}
