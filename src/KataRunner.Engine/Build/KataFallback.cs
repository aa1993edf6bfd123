using AsyncKatas.Catalog;

namespace KataRunner.Engine.Build;

/// <summary>Where the code of a kata that does not compile came from, so that the others could run.</summary>
public enum FallbackSource
{
    /// <summary>Its last version that compiled in this runner (kept in memory and in the runner's cache).</summary>
    LastCompiled,
    /// <summary>The reference solution (solutions/): it never compiled since the runner started.</summary>
    Reference,
}

/// <summary>
/// Another kata does not compile: its first error and how many it has (for a one-line notice), and
/// the code compiled in its place. The current kata's own errors are never replaced: they are its
/// result.
/// </summary>
public sealed record KataFallback(Kata Kata, CompileError FirstError, int ErrorCount, FallbackSource Source)
{
    public string KataId => Kata.Id;

    /// <summary>"K03 does not compile: katas/K03_AwaitChains/AwaitChains.cs(24,51): error CS1002: ; expected (ran with its last version that compiled)".</summary>
    public override string ToString() =>
        $"{KataId} does not compile: {FirstError}{(ErrorCount > 1 ? $" (and {ErrorCount - 1} more)" : "")}; " +
        (Source == FallbackSource.LastCompiled ? "compiled from its last version that compiled" : "compiled from the reference solution (solutions/)");
}
